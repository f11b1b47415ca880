using GlossaryLsp.Fuzz;

namespace GlossaryLsp.Tests.Fuzz;

/// <summary>
/// Every committed fuzz input — the hand-written seeds of SPEC §7's classes and every minimised finding —
/// through the fuzzer's own checks (tests/fuzz/Harness), each within the time cap the fuzzer runs with.
/// </summary>
public class FuzzCorpusReplayTests
{
    /// <summary>afl-fuzz's -t in tests/fuzz/run.sh: an input that takes longer is a hang.</summary>
    private static readonly TimeSpan TimeCap = TimeSpan.FromSeconds(5);

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in (string[])["seeds", "findings"])
        {
            var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "fuzz", folder)).Where(f => !f.EndsWith(".md", StringComparison.Ordinal));
            foreach (var file in files.Order(StringComparer.Ordinal)) data.Add($"{folder}/{Path.GetFileName(file)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Committed_input_keeps_every_invariant_within_the_time_cap(string input)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "fuzz", input));
        var run = Task.Run(() => FuzzInvariants.Check(bytes));
        var first = await Task.WhenAny(run, Task.Delay(TimeCap * 4));
        first.Should().BeSameAs(run, $"{input} must finish (the fuzzer's cap is {TimeCap.TotalSeconds} s; the suite allows for a loaded machine)");
        await run;
    }

    [Fact]
    public void Corpus_holds_a_seed_for_each_bad_input_class_and_the_findings()
    {
        var seeds = Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "fuzz", "seeds")).Select(Path.GetFileNameWithoutExtension);
        seeds.Should().Contain(["invalid-utf8", "binary-and-bom", "long-line", "invalid-yaml", "malformed-html", "broken-base64", "deep-nesting", "outside-workspace"]);
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "fuzz", "findings")).Should().NotBeEmpty();
    }

    [Fact]
    public void An_input_splits_into_files_at_fixture_path_lines_with_paths_kept_inside_the_workspace()
    {
        var files = FuzzWorkspace.Split("intro\n//- ../../etc/x.md\nA\n//-\nB\n//- glossary.yml\nlinker: first\n//- ../../etc/x.md\nC"u8);
        files.Select(f => (f.Path, System.Text.Encoding.UTF8.GetString(f.Bytes))).Should().Equal(
            ("doc.md", "intro\n"), ("etc/x.md", "A\n"), ("f2.md", "B\n"), ("glossary.yml", "linker: first\n"), ("dup4/etc/x.md", "C"));
    }

    [Fact]
    public void A_broken_invariant_is_reported_with_what_and_where()
    {
        var act = () => SpanChecks.Check("😀", new GlossaryLsp.Core.Text.TextSpan(1, 1), "hover");
        act.Should().Throw<InvariantViolation>().WithMessage("hover: [1..2) splits a surrogate pair");
    }
}
