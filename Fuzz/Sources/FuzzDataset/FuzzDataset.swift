import CareMatch
import Foundation
import FuzzSupport

/// A copy of `Datasets/tiny` made once per process; each input replaces one of its files.
let tiny = FuzzSupport.scratchCopy(of: "tiny")

/// libFuzzer entry point: byte 0 picks a file of the dataset (`FuzzSupport.datasetFiles`, modulo
/// their count), the rest is that file's new content.
///
/// Checks that `DatasetLoader.read(folder:)` never traps and that its diagnostics are well formed,
/// and that a dataset it accepts (no errors) plans without an internal failure (`Planner.plan`,
/// then the plan's files): "any dataset `validate` accepts plans without exit 3".
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataset(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let files = FuzzSupport.datasetFiles
    let name = files[Int(data[0]) % files.count]
    let url = tiny.folder.appendingPathComponent(name)
    let content = Data(bytes: data + 1, count: size - 1)
    do { try content.write(to: url) } catch { fatalError("fuzz set-up: cannot write \(url.path): \(error)") }
    defer {
        if let original = tiny.originals[name] { try? Data(original).write(to: url) } else { try? FileManager.default.removeItem(at: url) }
    }
    let result = DatasetLoader.read(folder: tiny.folder)
    for d in result.diagnostics where d.message.isEmpty || d.file.isEmpty {
        FuzzSupport.violated("every diagnostic names a file and says what is wrong", d.description)
    }
    if result.isValid {
        FuzzSupport.planMustSucceed(result.dataset, what: "dataset")
    }
    return 0
}
