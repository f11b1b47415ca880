namespace GlossaryLsp.Tests.Server;

/// <summary>Small Japanese glossary workspaces for the server tests.</summary>
internal static class Fixtures
{
    public const string GlossaryUrl = "https://example.org/glossary/用語集.md#";

    /// <summary>base64("転移学習 | Transfer Learning")</summary>
    public const string TransferAnchor = "6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=";

    public static readonly string Glossary =
        "<!-- 記事タイトル:用語集 -->\n" +
        "<!-- 記事URL:https://example.org/glossary/用語集.md# -->\n" +
        "\n" +
        "## 転移学習 | Transfer Learning<a id=\"6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=\"></a>\n" +
        "\n" +
        "- ある課題で学習したモデルを別の課題に流用する手法。\n";

    /// <summary>An article linking to the glossary's term (line 2) and to a missing anchor (line 4).</summary>
    public static readonly string Article =
        "# 記事\n" +
        "\n" +
        "[転移学習](用語集.md#6Lui56e75a2m57+SIHwgVHJhbnNmZXIgTGVhcm5pbmc=)を使う ✅。\n" +
        "\n" +
        "🌲[存在しない](用語集.md#44GC44GE44GG)へのリンク。\n";

    public static Dictionary<string, string> Workspace() => new()
    {
        ["用語集.md"] = Glossary,
        ["記事.md"] = Article,
    };
}
