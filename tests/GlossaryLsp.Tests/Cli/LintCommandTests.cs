using System.Text.Json;
using static GlossaryLsp.Core.Text.AnchorCodec;

namespace GlossaryLsp.Tests.Cli;

/// <summary><c>glossary lint</c> as a user runs it: exact lines, JSON and SARIF shapes, exit codes, workspace and PATHs (SPEC §4).</summary>
public sealed class LintCommandTests : IDisposable
{
    private static readonly string BrokenHref = "https://example.org/glossary/issues.md#" + Encode("未定義");
    private readonly CliWorkspace _ws = new();

    private static readonly Fixture Transfer = Fixture.Parse($$"""
        //- glossary/transfer.md
        <!-- 記事URL:https://example.org/glossary/transfer.md# -->

        ## 転移学習 | Transfer Learning<a id="{{Encode("転移学習 | Transfer Learning")}}"></a>

        - ✅<a href="https://example.org/glossary/issues.md#{{Encode("過学習 | Overfitting")}}">過学習</a>を避ける
        - 🌲<a href="{|GL0002:{{BrokenHref}}|}">未定義</a>の用語

        """, "\r\n");

    private static readonly Fixture Others = Fixture.Parse($$"""
        //- glossary.yml
        glossary:
          - "glossary/**/*.md"
        baseUrls:
          - url: "https://example.org/"
            folder: "."
        //- glossary/issues.md
        <!-- 記事URL:https://example.org/glossary/issues.md# -->

        ## {|GL0011:過学習 | Overfitting|}

        ## 汎化 | Generalization

        - 未知のデータへの当てはまり。

        //- articles/post.md
        [転移学習](../glossary/transfer.md#{{Encode("転移学習 | Transfer Learning")}})は便利 ✅

        """);

    public LintCommandTests() => _ws.Write(Transfer).Write(Others);

    public void Dispose() => _ws.Dispose();

    /// <summary>The 0-based range of a fixture's only expected diagnostic of a rule.</summary>
    private static (int, int, int, int) Marked(Fixture fixture, string id)
    {
        var d = fixture.Diagnostics.Single(d => d.Id == id);
        var (start, end) = (fixture.Position(d.Path, d.Span.Start), fixture.Position(d.Path, d.Span.End));
        return (start.Line, start.Character, end.Line, end.Character);
    }

    [Fact]
    public void Text_lists_one_line_per_finding_with_1_based_utf16_columns_and_a_summary()
    {
        var (exit, stdout, stderr) = _ws.Run(".", "lint");
        stdout.Should().Be(
            "glossary/issues.md:3:4: warning GL0011 Term '過学習' has an empty definition (nothing before the next heading)\n" +
            $"glossary/transfer.md:6:14: error GL0002 No term or heading with anchor '#{Encode("未定義")}' ('未定義') in glossary/issues.md\n" +
            "1 error and 1 warning in 3 files\n");
        stderr.Should().BeEmpty();
        exit.Should().Be(1, "an error was found");
    }

    [Fact]
    public void Json_has_the_shape_of_SPEC_4_with_files_relative_to_the_current_directory()
    {
        var (exit, stdout, _) = _ws.Run("articles", "lint", "--format", "json");
        exit.Should().Be(1);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("files", "terms", "links", "diagnostics");
        (root.GetProperty("files").GetInt32(), root.GetProperty("terms").GetInt32(), root.GetProperty("links").GetInt32()).Should().Be((3, 3, 3));
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        diagnostics.Should().HaveCount(2);
        var broken = diagnostics[1];
        broken.EnumerateObject().Select(p => p.Name).Should().Equal("id", "severity", "message", "file", "range", "related");
        broken.GetProperty("id").GetString().Should().Be("GL0002");
        broken.GetProperty("severity").GetString().Should().Be("error");
        broken.GetProperty("file").GetString().Should().Be("../glossary/transfer.md");
        Range(broken.GetProperty("range")).Should().Be(Marked(Transfer, "GL0002"));
        var related = broken.GetProperty("related").EnumerateArray().Should().ContainSingle().Subject;
        related.GetProperty("file").GetString().Should().Be("../glossary/issues.md");
        Range(related.GetProperty("range")).Should().Be((0, 0, 0, 0));
        related.GetProperty("message").GetString().Should().Be("the linked document");
        diagnostics[0].GetProperty("severity").GetString().Should().Be("warning");
        Range(diagnostics[0].GetProperty("range")).Should().Be(Marked(Others, "GL0011"));
    }

    [Fact]
    public void Sarif_is_version_2_1_0_with_the_rule_catalog_and_1_based_regions()
    {
        var (exit, stdout, stderr) = _ws.Run(".", "lint", "--format", "sarif");
        exit.Should().Be(1);
        stderr.Should().Be("1 error and 1 warning in 3 files\n", "the summary stays out of the machine-readable output");
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("version").GetString().Should().Be("2.1.0");
        json.RootElement.GetProperty("$schema").GetString().Should().Be("https://json.schemastore.org/sarif-2.1.0.json");
        var run = json.RootElement.GetProperty("runs").EnumerateArray().Should().ContainSingle().Subject;
        run.GetProperty("columnKind").GetString().Should().Be("utf16CodeUnits");
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).Should().Equal(Core.Config.RuleCatalog.All.Select(r => r.Id));
        rules.Where(r => r.GetProperty("defaultConfiguration").TryGetProperty("enabled", out var on) && !on.GetBoolean())
            .Select(r => r.GetProperty("id").GetString()).Should().Equal(["GL0015"], "a rule that is off by default says so");
        rules[1].GetProperty("helpUri").GetString().Should().EndWith("docs/rules/GL0002.md");
        rules.Select(r => r.GetProperty("name").GetString()).Should().StartWith(["BrokenLink", "BrokenAnchor", "StaleAnchorId"], "SARIF friendly names are Pascal-case");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("level").GetString(), r.GetProperty("ruleIndex").GetInt32()))
            .Should().Equal(("GL0011", "warning", 10), ("GL0002", "error", 1));
        var location = results[1].GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("glossary/transfer.md");
        var region = location.GetProperty("region");
        (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32())
            .Should().Be(Marked(Transfer, "GL0002") switch { var (sl, sc, el, ec) => (sl + 1, sc + 1, el + 1, ec + 1) });
    }

    [Fact]
    public void Paths_choose_what_is_reported_while_links_resolve_against_the_whole_workspace()
    {
        _ws.Run("articles", "lint", "post.md").Should().Be((0, "No problems in 1 file\n", ""));
        _ws.Run(".", "lint", "glossary/issues.md").Should().Be((0,
            "glossary/issues.md:3:4: warning GL0011 Term '過学習' has an empty definition (nothing before the next heading)\n1 warning in 1 file\n", ""),
            "warnings alone exit 0");
        _ws.Run(".", "lint", "glossary", "articles").Exit.Should().Be(1);
    }

    [Fact]
    public void Without_a_config_the_one_folder_given_is_the_workspace()
    {
        File.Delete(_ws.Path("glossary.yml"));
        var (exit, stdout, _) = _ws.Run(".", "lint", "glossary");
        // File names stay relative to the current directory; messages name workspace paths ("in issues.md").
        stdout.Should().Be(
            "glossary/issues.md:3:4: warning GL0011 Term '過学習' has an empty definition (nothing before the next heading)\n" +
            $"glossary/transfer.md:6:14: error GL0002 No term or heading with anchor '#{Encode("未定義")}' ('未定義') in issues.md\n" +
            "1 error and 1 warning in 2 files\n");
        exit.Should().Be(1);
    }

    [Fact]
    public void A_bad_config_exits_2_naming_the_file_line_and_key()
    {
        _ws.Write("glossary.yml", "rules:\n  GL0011: off\n  GL0099: warning\n");
        var (exit, stdout, stderr) = _ws.Run("articles", "lint");
        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be("glossary lint: ../glossary.yml:3: 'rules.GL0099': unknown rule; expected an id GL0000–GL0015 or an alias such as broken-link\n");
    }

    [Fact]
    public void A_config_with_an_unclosed_flow_list_exits_2_naming_the_line_instead_of_crashing()
    {
        // Shrunk by the model-based tests: YamlDotNet fails on it with InvalidOperationException, not YamlException.
        _ws.Write("glossary.yml", "rules: [\nx");
        var (exit, stdout, stderr) = _ws.Run("articles", "lint");
        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Be("glossary lint: ../glossary.yml:1: invalid YAML: an unclosed bracket, quote or flow collection\n");
    }

    [Fact]
    public void Config_option_replaces_the_workspace_config()
    {
        _ws.Write("quiet.yml", "rules:\n  broken-anchor: warning\n  GL0011: off\n");
        _ws.Run(".", "lint", "--config", "quiet.yml").Should().Be((0,
            $"glossary/transfer.md:6:14: warning GL0002 No term or heading with anchor '#{Encode("未定義")}' ('未定義') in glossary/issues.md\n1 warning in 3 files\n", ""));
        _ws.Run(".", "lint", "--config", "missing.yml").Should().Be((2, "", "glossary lint: config file not found: missing.yml\n"));
    }

    [Fact]
    public void Bad_usage_exits_2()
    {
        _ws.Run(".", "lint", "nowhere.md").Should().Be((2, "", "glossary lint: no such file or folder: nowhere.md\n"));
        var (exit, _, stderr) = _ws.Run(".", "lint", "--format", "xml");
        exit.Should().Be(2);
        stderr.Should().Contain("'xml'");
    }

    [Fact]
    public void A_path_outside_the_workspace_exits_2_and_an_absolute_path_inside_it_works()
    {
        var outside = Directory.CreateTempSubdirectory("glossary-outside-").FullName;
        try
        {
            var (exit, stdout, stderr) = _ws.Run("articles", "lint", outside);
            (exit, stdout).Should().Be((2, ""));
            stderr.Should().Be($"glossary lint: {outside} is outside the workspace {_ws.Root}\n");
        }
        finally { Directory.Delete(outside); }
        _ws.Run("articles", "lint", _ws.Path("glossary/issues.md")).Should().Be((0,
            "../glossary/issues.md:3:4: warning GL0011 Term '過学習' has an empty definition (nothing before the next heading)\n1 warning in 1 file\n", ""));
    }

    private static (int, int, int, int) Range(JsonElement range) =>
        (range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("character").GetInt32(),
         range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("character").GetInt32());

    [Fact]
    public void An_unclosed_flow_sequence_in_the_config_is_a_config_error_naming_its_line()
    {
        _ws.Write("glossary.yml", "ignore: [drafts/**\nrules:\n  GL0009: off\n");
        _ws.Write("a.md", "# 記事\n");
        _ws.Run(".", "lint").Should().Be((2, "", "glossary lint: glossary.yml:1: invalid YAML: an unclosed bracket, quote or flow collection\n"));
    }
}
