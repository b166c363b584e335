/// The engine's version, written into every plan's `summary.json`.
public enum EngineVersion {
    public static let string = "0.1.0"
}
