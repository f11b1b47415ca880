using System.Globalization;
using System.Text;

namespace GlossaryLsp.Core.Text;

/// <summary>
/// A list of names in a message, bounded (<see cref="OutputBounds"/>): "a", "a and b", "a, b and c",
/// and past the bound "a, b, c and 2,997 more". Only the names shown are enumerated.
/// </summary>
public static class NameList
{
    /// <summary>
    /// The first <paramref name="max"/> of <paramref name="names"/> (which holds <paramref name="count"/>
    /// in all) joined by <paramref name="separator"/>; the last two by <paramref name="lastSeparator"/>
    /// when all are shown, else followed by " and N more".
    /// </summary>
    public static string Join(IEnumerable<string> names, int count, int max, string separator = ", ", string lastSeparator = " and ")
    {
        int shown = Math.Min(count, max);
        var sb = new StringBuilder();
        int i = 0;
        foreach (var name in names)
        {
            if (i == shown) break;
            if (i > 0) sb.Append(i == shown - 1 && shown == count ? lastSeparator : separator);
            sb.Append(name);
            i++;
        }
        if (count > shown) sb.Append(CultureInfo.InvariantCulture, $" and {count - shown:N0} more");
        return sb.ToString();
    }
}
