import Foundation
import StewardCore

/// Where a skill's `skill.yaml` and `examples/` are read from.
///
/// Rule: when Steward runs from a checkout — the working directory, or the folder of the running
/// executable, is inside a folder that has both `Package.swift` and `Skills/` — a skill's files are
/// read from that working tree, `Skills/<Module>/skill.yaml` (the skill's module is its target,
/// named after its folder), so an edit takes effect without a rebuild and errors name the file the
/// author edits. Otherwise, or when the working tree has no such folder, the copy bundled with the
/// skill (``Skill/manifestURL``) is read.
public struct SkillFiles: Sendable, Hashable {
    /// The checkout's root folder, if Steward runs from one.
    public let checkout: URL?
    /// Where relative paths in messages start (the working directory).
    public let workingDirectory: URL

    public init(checkout: URL?, workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.checkout = checkout?.standardizedFileURL
        self.workingDirectory = workingDirectory.standardizedFileURL
    }

    /// The files of this process: the checkout found from the working directory, else from the executable.
    public static let current: SkillFiles = {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
        return SkillFiles(checkout: findCheckout(from: cwd) ?? executable.flatMap(findCheckout(from:)), workingDirectory: cwd)
    }()

    /// Bundled copies only (no checkout).
    public static let bundled = SkillFiles(checkout: nil)

    /// The nearest folder at or above `start` that has `Package.swift` and a `Skills` folder.
    public static func findCheckout(from start: URL) -> URL? {
        var folder = start.standardizedFileURL
        let files = FileManager.default
        while true {
            var isFolder: ObjCBool = false
            if files.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                files.fileExists(atPath: folder.appendingPathComponent("Skills").path, isDirectory: &isFolder), isFolder.boolValue
            {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The module (target) a skill type is declared in, which names its folder under `Skills/`.
    public static func module(of skill: any Skill) -> String {
        let name = String(reflecting: type(of: skill))
        return name.split(separator: ".").first.map(String.init) ?? name
    }

    /// The `skill.yaml` to read for `skill`: the working tree's when there is one, else the bundled copy; nil when neither.
    public func manifest(for skill: any Skill) -> URL? {
        if let checkout {
            let file = checkout.appendingPathComponent("Skills").appendingPathComponent(Self.module(of: skill))
                .appendingPathComponent("skill.yaml")
            if FileManager.default.fileExists(atPath: file.path) { return file }
        }
        return skill.manifestURL
    }

    /// How a file is named in messages: relative to the working directory when inside it, else its full path.
    public func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = workingDirectory.path.hasSuffix("/") ? workingDirectory.path : workingDirectory.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
