// The GLPK wrapper; see Problem.swift.
