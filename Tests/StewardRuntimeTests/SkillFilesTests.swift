import Coupons
import Foundation
import StewardCore
import StewardRuntime
import Testing

/// A skill whose manifest is a file the test writes.
struct FileManifestSkill: Skill {
    var url: URL
    var manifestURL: URL? { url }
    func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse { .answer("file skill") }
}

/// A folder in the temporary directory, removed by the caller.
private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steward-files-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.resolvingSymlinksInPath()
}

/// A checkout-like tree: `Package.swift` and `Skills/Coupons` copied from the repository.
private func checkoutWithCoupons() throws -> URL {
    let root = try temporaryFolder()
    try "// swift-tools-version: 6.1\n".write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    let skills = root.appendingPathComponent("Skills")
    try FileManager.default.createDirectory(at: skills, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
        at: repositoryRoot.appendingPathComponent("Skills/Coupons"), to: skills.appendingPathComponent("Coupons"))
    return root
}

@Suite struct SkillFilesTests {
    @Test func aCheckoutIsFoundFromAnyFolderInsideIt() throws {
        let root = try checkoutWithCoupons()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(SkillFiles.findCheckout(from: root.appendingPathComponent("Skills/Coupons/examples"))?.path == root.path)
        #expect(SkillFiles.findCheckout(from: root)?.path == root.path)
        let outside = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        #expect(SkillFiles.findCheckout(from: outside) == nil)
    }

    @Test func inACheckoutTheWorkingTreesManifestIsReadSoAnEditNeedsNoRebuild() throws {
        let root = try checkoutWithCoupons()
        defer { try? FileManager.default.removeItem(at: root) }
        let manifest = root.appendingPathComponent("Skills/Coupons/skill.yaml")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        let summary = try #require(text.split(separator: "\n").first { $0.hasPrefix("summary:") })
        text = text.replacingOccurrences(of: String(summary), with: "summary: Edited in the working tree.")
        try text.write(to: manifest, atomically: true, encoding: .utf8)

        let files = SkillFiles(checkout: root, workingDirectory: root)
        #expect(SkillFiles.module(of: CouponsSkill()) == "Coupons")
        #expect(files.manifest(for: CouponsSkill())?.path == manifest.path)
        let registry = SkillRegistry(loading: [CouponsSkill()], files: files)
        #expect(registry.entries.first?.manifest.summary == "Edited in the working tree.")
        // The working tree's examples too.
        #expect((registry.entries.first?.manifest.intents["coupon_request"]?.exampleCount ?? 0) > 0)

        // Outside a checkout, the bundled copy.
        let bundled = SkillRegistry(loading: [CouponsSkill()], files: .bundled)
        #expect(SkillFiles.bundled.manifest(for: CouponsSkill()) == CouponsSkill().manifestURL)
        #expect(bundled.entries.first?.manifest.summary != "Edited in the working tree.")
    }

    @Test func aBrokenWorkingTreeManifestNamesTheAuthorsFileAndLine() throws {
        let root = try checkoutWithCoupons()
        defer { try? FileManager.default.removeItem(at: root) }
        let manifest = root.appendingPathComponent("Skills/Coupons/skill.yaml")
        let lines = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.hasPrefix("name:") })
        var edited = lines.map(String.init)
        edited.insert("knowlege: [faq]", at: index + 1)
        try edited.joined(separator: "\n").write(to: manifest, atomically: true, encoding: .utf8)

        let registry = SkillRegistry(loading: [CouponsSkill()], files: SkillFiles(checkout: root, workingDirectory: root))
        #expect(registry.entries.isEmpty)
        let broken = try #require(registry.broken.first)
        #expect(broken.name == "Coupons")
        #expect(broken.file == "Skills/Coupons/skill.yaml")
        #expect(broken.reason.hasPrefix("Skills/Coupons/skill.yaml:\(index + 2): unknown key `knowlege`. Allowed here: id, name,"))
        #expect(broken.reason.hasSuffix("Did you mean `knowledge`?"))
    }
}

@Suite struct BrokenSkillTests {
    @Test func aBrokenManifestMakesOnlyItsSkillUnavailableAndTheOthersWork() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("skill.yaml")
        try "id: store_hours\nname: Store hours\nkeyword: [open]\nintents: {}\n".write(to: file, atomically: true, encoding: .utf8)
        let engine = try makeEngine(skills: shippedSkills + [FileManifestSkill(url: file)])
        let broken = try #require(engine.registry.broken.first)
        #expect(broken.reason.hasPrefix("\(file.path):3: unknown key `keyword`."))
        #expect(engine.registry.entry(id: "store_hours") == nil)
        let reply = try await Conversation(engine).say("do you have any discount codes?")
        #expect(reply.skill == "coupons")
        // The strict registry still stops at the first problem.
        #expect(throws: SkillRegistryError.self) { try SkillRegistry(skills: [FileManifestSkill(url: file)]) }
    }

    @Test func aSkillRepeatingAnotherSkillsIntentIsTheBrokenOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("skill.yaml")
        try "id: tracking_copy\nname: Copy\nintents:\n  order_status:\n    examples: [where is it]\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let registry = SkillRegistry(loading: shippedSkills + [FileManifestSkill(url: file)])
        #expect(registry.entries.count == shippedSkills.count)
        #expect(registry.broken.first?.reason == "\(file.path): The intent `order_status` is declared by both order_tracking and tracking_copy; intent names must be unique.")
    }
}
