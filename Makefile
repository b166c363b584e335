# CareMatch — the two commands a newcomer needs:
#   make plan   set up (GLPK included) and plan the bundled Quzhou dataset into plans/quzhou
#   make test   set up and run the tests
#   make plan-overrides   plan Quzhou with the example overrides.csv (docs/overrides.md) into plans/quzhou-overrides
#   make fuzz   build the fuzz targets with sanitizers and run each (FUZZ_SECONDS=60 per target; docs/fuzzing.md)
SWIFT ?= swift
CONFIG ?= release
BIN = .build/$(CONFIG)/carematch

.PHONY: setup build plan plan-overrides test validate bench fuzz clean

setup:
	@if [ ! -f /usr/include/glpk.h ]; then \
	  echo "Installing GLPK (libglpk-dev)…"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libglpk-dev; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq libglpk-dev; fi; \
	fi
	@if [ ! -f /usr/include/xlsxwriter.h ]; then \
	  echo "Installing libxlsxwriter (libxlsxwriter-dev, for plan.xlsx)…"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libxlsxwriter-dev; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq libxlsxwriter-dev; fi; \
	fi
	@python3 -c 'import openpyxl' 2>/dev/null || { echo "Installing openpyxl (the tests read plan.xlsx back with it)…"; \
	  python3 -m pip install -q openpyxl || python3 -m pip install -q --break-system-packages openpyxl; }
	@# The page tests render every page in headless Chromium with a Chinese font.
	@if ! command -v chromium >/dev/null || [ ! -d /usr/share/fonts/truetype/wqy ]; then \
	  echo "Installing Chromium and a Chinese font (chromium fonts-wqy-microhei) for the page tests…"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei; fi; \
	fi

build: setup
	$(SWIFT) build -c $(CONFIG) --product carematch

plan: build
	$(BIN) plan Datasets/quzhou --out plans/quzhou --force --xlsx

# Datasets/quzhou with docs/examples/quzhou-overrides.csv as its overrides.csv, in a scratch copy.
plan-overrides: build
	rm -rf .build/quzhou-overrides && mkdir -p .build/quzhou-overrides
	cp Datasets/quzhou/* .build/quzhou-overrides/
	cp docs/examples/quzhou-overrides.csv .build/quzhou-overrides/overrides.csv
	$(BIN) plan .build/quzhou-overrides --out plans/quzhou-overrides --force

validate: build
	$(BIN) validate Datasets/quzhou

test: setup
	$(SWIFT) test

bench: setup
	cd Benchmarks && $(SWIFT) package benchmark

# libFuzzer + AddressSanitizer/LeakSanitizer, nested package Fuzz/ (docs/fuzzing.md).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzCSV FuzzDataset FuzzScenarios
fuzz: setup
	SWIFT=$(SWIFT) Fuzz/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf .build plans
