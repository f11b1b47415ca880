using GlossaryLsp.Core.Features;

namespace GlossaryLsp.Tests.Features;

/// <summary><see cref="TermSearch"/>: terms by prefix of an entry word or reading, compared as completion compares them.</summary>
public class TermSearchTests
{
    private const string Glossary = """
        //- glossary/ml.md
        <!-- 記事URL:https://example.com/glossary/ml.md# -->

        ## ファインチューニング | Fine-tuning | FT

        - 追加の学習 🌲

        ## ファイル | File

        - 保存先。
        //- glossary/other.md
        <!-- 記事URL:https://example.com/glossary/other.md# -->

        ## ファインチューニング | Fine-tuning

        - 同じ語の別の定義。
        //- terms/data-augmentation.md
        ---
        title: データ拡張
        e-title: Data Augmentation
        term: でーたかくちょう
        type: glossary
        url: /ja/glossary/Data-Augmentation/
        ---

        データを水増しする手法。
        """;

    private static IReadOnlyList<string> Search(string prefix, int limit = 10) =>
        [.. TermSearch.ByPrefix(FixtureWorkspace.Parse(Glossary).Index, prefix, limit).Select(m => $"{m.Term.Headword}@{m.Term.DocumentPath}:{m.Matched}:{m.IsReading}")];

    [Fact]
    public void Hiragana_finds_katakana_entry_words_each_definition_once_in_key_order()
    {
        Search("ふぁい").Should().Equal(
            "ファイル@glossary/ml.md:ファイル:False",
            "ファインチューニング@glossary/ml.md:ファインチューニング:False",
            "ファインチューニング@glossary/other.md:ファインチューニング:False");
        Search("ふぁい", limit: 2).Should().HaveCount(2);
    }

    [Fact]
    public void Latin_prefixes_ignore_case_and_hyphens_and_readings_are_found_as_readings()
    {
        Search("FINE TU").Should().Equal("ファインチューニング@glossary/ml.md:Fine-tuning:False", "ファインチューニング@glossary/other.md:Fine-tuning:False");
        Search("デー").Should().Equal("データ拡張@terms/data-augmentation.md:でーたかくちょう:True");
        Search("data").Should().Equal("データ拡張@terms/data-augmentation.md:Data Augmentation:False");
        Search("").Should().BeEmpty();
        Search("zzz").Should().BeEmpty();
    }
}
