using GlossaryLsp.Core.Config;

namespace GlossaryLsp.Tests.Config;

/// <summary>prh dictionaries loaded as prh 5 loads them, and prh's engine on a text.</summary>
public class PrhDictionaryTests
{
    private const string Root = "/ws";

    [Fact]
    public void Patterns_expected_substitutions_and_generated_patterns()
    {
        var prh = Load(("prh.yml", """
            version: 1
            rules:
              - expected: 作$1
                pattern: /つく([らりるれろっ])/
              - expected: JavaScript
              - expected: サーバー
                pattern: サーバ
              - expected: （$1）
                pattern: /\((.+?)\)/
                specs:
                  - from: そうですね(笑)
                    to: そうですね（笑）
              - expected: さらに
                pattern: /(変)?更に/
                regexpMustEmpty: $1
              - expected: Web
                options:
                  wordBoundary: true
            """));
        Diffs(prh, "つくる。javascriptとＪＡＶＡＳＣＲＩＰＴ。サーバーとサーバ(笑)。変更に更に。Website Web web").Should().Equal(
            "つくる→作る", "javascript→JavaScript", "ＪＡＶＡＳＣＲＩＰＴ→JavaScript", "サーバ→サーバー", "サーバ→サーバー", "(笑)→（笑）", "更に→さらに", "web→Web");
        prh.Rules.Select(r => r.Line).Should().Equal(3, 5, 6, 8, 13, 16);
        prh.Rules[1].PatternText.Should().Be("/[JjＪｊ][AaＡａ][VvＶｖ][AaＡａ][SsＳｓ][CcＣｃ][RrＲｒ][IiＩｉ][PpＰｐ][TtＴｔ]/gmu");
    }

    [Fact]
    public void Overlapping_findings_are_settled_as_prh_does_and_paragraph_pragmas_are_honoured()
    {
        var prh = Load(("prh.yml", """
            version: 1
            rules:
              - expected: ABCD
                pattern: abcd
              - expected: BC
                pattern: bc
              - expected: X
                pattern: abc
            """));
        Diffs(prh, "abcd").Should().Equal("abcd→ABCD");
        Diffs(prh, "abcd\n\n<!-- prh:disable -->\nabcd\n\nbc").Should().Equal("abcd→ABCD", "bc→BC");
    }

    [Fact]
    public void Imports_with_ignore_rules_and_later_files_add_only_new_expected_forms()
    {
        var prh = Load(
            ("prh.yml", "version: 1\nimports:\n  - path: dicts/base.yml\n    ignoreRules:\n      - expected: 良い\nrules:\n  - expected: サーバー\n    pattern: サーバ\n"),
            ("dicts/base.yml", "version: 1\nrules:\n  - expected: 良い\n    pattern: よい\n  - expected: サーバー\n    pattern: さーばー\n  - expected: 例えば\n    pattern: たとえば\n"));
        prh.Rules.Select(r => (r.Expected, r.File)).Should().Equal(("サーバー", "prh.yml"), ("例えば", "dicts/base.yml"));
        prh.Files.Should().Equal("prh.yml", "dicts/base.yml");
    }

    [Theory]
    [InlineData("version: 1\nrules:\n  - expected: よい\n    pattern: /良い(?!例)/\n    specs:\n      - from: 良い例\n        to: よい例\n", 3,
        "spec failed: \"良い例\" should become \"よい例\" but became \"良い例\"")]
    [InlineData("version: 1\nrules:\n  - expected: a\n    pattern: /(/\n", 3, "unterminated group")]
    [InlineData("version: 1\nrules:\n  - pattern: x\n", 3, "expected is required")]
    [InlineData("version: 1\nrules:\n  - expected: a-b\n    pattern: a-b\n", 3, "invalid escape")]
    [InlineData("version: 1\nrules:\n  - expected: a\n    pattern: [x, /y/i]\n", 3, "combining different flags")]
    [InlineData("version: 1\nimports: ../outside.yml\n", 2, "outside the workspace")]
    [InlineData("version: 1\nrules:\n  - expected: a\n    regexpMustEmpty: 1\n", 3, "regexpMustEmpty")]
    public void A_bad_dictionary_is_a_config_error_naming_the_file_the_rule_and_its_line(string yaml, int line, string reason)
    {
        var act = () => Load(("prh.yml", yaml));
        var e = act.Should().Throw<ConfigException>().Which;
        e.Line.Should().Be(line);
        e.Reason.Should().Contain(reason);
        Path.GetFileName(e.File).Should().Be("prh.yml");
    }

    [Fact]
    public void The_configuration_names_missing_dictionaries_and_version_mismatches()
    {
        var missing = () => GlossaryConfigLoader.Parse("prh: [nope.yml]\n", $"{Root}/glossary.yml", _ => null);
        missing.Should().Throw<ConfigException>().Which.Message.Should().Be("/ws/glossary.yml:1: 'prh': prh dictionary 'nope.yml' not found");
        var files = new Dictionary<string, string> { [$"{Root}/a.yml"] = "version: 1\n", [$"{Root}/b.yml"] = "version: 2\n" };
        var mismatch = () => GlossaryConfigLoader.Parse("prh:\n  - a.yml\n  - b.yml\n", $"{Root}/glossary.yml", p => files.GetValueOrDefault(p));
        mismatch.Should().Throw<ConfigException>().Which.Line.Should().Be(3);
    }

    private static PrhDictionary Load(params (string Path, string Text)[] files)
    {
        var map = files.ToDictionary(f => Path.GetFullPath(Path.Combine(Root, f.Path)), f => f.Text);
        return GlossaryConfigLoader.Parse($"prh: [{files[0].Path}]\n", $"{Root}/glossary.yml", p => map.GetValueOrDefault(p)).Prh!;
    }

    private static List<string> Diffs(PrhDictionary prh, string text) => [.. prh.FindAll(text).Select(d => $"{d.Matched}→{d.Replacement}")];
}
