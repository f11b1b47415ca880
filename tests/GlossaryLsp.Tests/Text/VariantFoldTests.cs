using GlossaryLsp.Core.Text;

namespace GlossaryLsp.Tests.Text;

/// <summary>The variant folding table of SPEC §8 (docs/rules/GL0013.md), over mention-folded keys.</summary>
public class VariantFoldTests
{
    [Theory]
    [InlineData("コンピューター", "コンピュタ")]
    [InlineData("コンピュータ", "コンピュタ")]
    [InlineData("インタフェース", "インタフエス")]
    [InlineData("インターフェース", "インタフエス")]
    [InlineData("ファイン・チューニング", "フアインチュニング")]
    [InlineData("ファイン チューニング", "フアインチュニング")]
    [InlineData("ヴァリデーション", "バリデション")]
    [InlineData("バリデーション", "バリデション")]
    [InlineData("ヴィ ヴ ヴェ ヴォ", "ビブベボ")]
    [InlineData("ヴゥ", "ブウ")]
    [InlineData("ウィルス", "ウイルス")]
    [InlineData("fine tuning", "finetuning")]
    [InlineData("gpt 4", "gpt4")]
    [InlineData("ai チップ", "ai チップ")]
    [InlineData("a・b", "a・b")]
    [InlineData("転移 学習", "転移 学習")]
    [InlineData("・ネット", "・ネット")]
    [InlineData("ーム", "ム")]
    public void Folds(string key, string fold) => VariantFold.Fold(key).Should().Be(fold);

    [Fact]
    public void Each_folded_char_knows_where_it_came_from()
    {
        var key = "ヴァー・ル";
        var output = new char[key.Length];
        var first = new int[key.Length];
        var last = new int[key.Length];
        int n = VariantFold.Fold(key, output, first, last);
        new string(output, 0, n).Should().Be("バル");
        first[..n].Should().Equal(0, 4);
        last[..n].Should().Equal(1, 4);
    }
}
