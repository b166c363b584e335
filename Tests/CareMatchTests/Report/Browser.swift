import Foundation
import XCTest

/// Headless Chromium for the page tests: renders a page at a given width, runs
/// `Fixtures/browser/page-check.js` in it and hands back what the script found, or takes a
/// screenshot. Offline: every host name resolves to nothing.
///
/// `CAREMATCH_CHROMIUM` names the browser (default: `chromium`, `chromium-browser` or
/// `google-chrome` on the PATH); screenshots go to `CAREMATCH_SCREENSHOTS` (default
/// `.build/screenshots`), kept by CI as artefacts.
enum Browser {
    struct Check: Decodable {
        var problems: [String]
        var charts: Int
        var cjk: Int
        var width: Int
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static let script = Workflow.root.appendingPathComponent("Tests/CareMatchTests/Fixtures/browser/page-check.js")

    static var screenshots: URL {
        if let p = ProcessInfo.processInfo.environment["CAREMATCH_SCREENSHOTS"], !p.isEmpty { return URL(fileURLWithPath: p) }
        return Workflow.root.appendingPathComponent(".build/screenshots")
    }

    /// The browser, or a failure saying how to install it.
    static func executable() throws -> URL {
        let env = ProcessInfo.processInfo.environment
        if let p = env["CAREMATCH_CHROMIUM"], !p.isEmpty { return URL(fileURLWithPath: p) }
        let dirs = (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for d in dirs where FileManager.default.isExecutableFile(atPath: d + "/" + name) { return URL(fileURLWithPath: d + "/" + name) }
        }
        throw Failure(description: "no Chromium found: install it with `make setup` (Debian: apt-get install chromium fonts-wqy-microhei) or set CAREMATCH_CHROMIUM")
    }

    /// Renders `page` (optionally changed by `edit` first) at `width` px with the check script
    /// and returns its findings. `fontConfig` replaces the system's font configuration.
    static func check(_ page: URL, width: Int, fontConfig: URL? = nil, edit: ((String) -> String)? = nil) throws -> Check {
        var html = try String(contentsOf: page, encoding: .utf8)
        if let edit { html = edit(html) }
        let js = try String(contentsOf: script, encoding: .utf8)
        guard let end = html.range(of: "</body>", options: .backwards) else { throw Failure(description: "\(page.path): no </body>") }
        html.replaceSubrange(end, with: "<script>\n\(js)\n</script>\n</body>")
        // Beside the page, so that its relative links resolve as they would for the reader.
        let copy = page.deletingLastPathComponent().appendingPathComponent(".cm-check-\(UUID().uuidString).html")
        try html.write(to: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: copy) }
        let out = try run(["--window-size=\(width),1000", "--hide-scrollbars", "--dump-dom", copy.absoluteString], fontConfig: fontConfig)
        guard let a = out.range(of: "<pre id=\"cm-check\">", options: .backwards), let b = out.range(of: "</pre>", range: a.upperBound..<out.endIndex) else {
            throw Failure(description: "the check script did not run on \(page.lastPathComponent) at \(width) px; browser output:\n\(out.prefix(2000))")
        }
        let json = String(out[a.upperBound..<b.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Check.self, from: Data(json.utf8))
    }

    /// A screenshot of the top `height` px of `page` at `width` px, written to `to`.
    static func screenshot(_ page: URL, width: Int, height: Int = 5000, to: URL) throws {
        try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try run(["--window-size=\(width),\(height)", "--hide-scrollbars", "--screenshot=\(to.path)", page.absoluteString], fontConfig: nil)
        guard FileManager.default.fileExists(atPath: to.path) else { throw Failure(description: "no screenshot written to \(to.path)") }
    }

    /// Runs the browser headless and offline with `args`; its stdout. Killed after 120 s.
    static func run(_ args: [String], fontConfig: URL?) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("carematch-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let p = Process()
        p.executableURL = try executable()
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                       "--disable-background-networking", "--host-resolver-rules=MAP * ~NOTFOUND",
                       "--user-data-dir=\(profile.path)"] + args
        var env = ProcessInfo.processInfo.environment
        if let fontConfig { env["FONTCONFIG_FILE"] = fontConfig.path }
        p.environment = env
        // Output to a file (no pipe to drain), the process polled against a deadline.
        let outFile = profile.appendingPathExtension("out")
        // A file that could not be made makes `FileHandle(forWritingTo:)` below throw.
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outFile) }
        let handle = try FileHandle(forWritingTo: outFile)
        defer { try? handle.close() }
        p.standardOutput = handle
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(120)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning {
            p.terminate()
            throw Failure(description: "the browser did not finish within 120 s")
        }
        let data = try Data(contentsOf: outFile)
        return String(decoding: data, as: UTF8.self)
    }
}
