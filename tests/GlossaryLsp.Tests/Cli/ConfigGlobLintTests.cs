using System.Text.Json;

namespace GlossaryLsp.Tests.Cli;

/// <summary>glossary.yml's glossary globs decide which files are term-list glossaries, as <c>glossary lint</c> reports them.</summary>
public sealed class ConfigGlobLintTests : IDisposable
{
    private readonly CliWorkspace _ws = new CliWorkspace()
        .Write("terms/ml.md", "# 機械学習の用語\n\n## 転移学習 | Transfer Learning\n\n- 学習済みモデルを再利用する。\n")
        .Write("notes/n.md", "[転移学習](../terms/ml.md#6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=) を試す。\n");

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void A_glob_change_turns_an_article_into_a_glossary_and_back()
    {
        Lint().Should().Equal("GL0002 notes/n.md");

        _ws.Write("glossary.yml", "glossary:\n  - terms/**\n");
        Lint().Should().Equal("GL0007 terms/ml.md");

        _ws.Write("glossary.yml", "glossary: []\n");
        Lint().Should().Equal("GL0002 notes/n.md");
    }

    private string[] Lint()
    {
        var (_, stdout, _) = _ws.Run(".", "lint", "--format", "json");
        using var json = JsonDocument.Parse(stdout);
        return [.. json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => $"{d.GetProperty("id").GetString()} {d.GetProperty("file").GetString()}")];
    }
}
