import StewardCore
import StewardRuntime
import StewardSkillTesting
import StewardSkills
import Testing

/// The shipped skills' ids, read from the one list.
private let shippedIDs: [String] = ((try? SkillRegistry(skills: ShippedSkills.all))?.entries ?? []).map(\.manifest.id)

/// Every shipped skill passes the checks every skill must pass (``SkillConformance``).
@Suite struct ShippedSkillConformanceTests {
    @Test func everySkillFolderIsInTheListAndEveryManifestLoads() {
        let conformance = SkillConformance()
        let problems = conformance.listProblems() + conformance.manifestProblems()
        #expect(problems.isEmpty, "\(problems.report)")
        #expect(shippedIDs.count == ShippedSkills.all.count)
    }

    @Test(arguments: shippedIDs)
    func skillConforms(_ id: String) async {
        let problems = await SkillConformance().problems(of: id)
        #expect(problems.isEmpty, "\(problems.report)")
    }
}
