using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GlossaryLsp.Core.Config;

/// <summary>
/// Translates a JavaScript regular expression with the flags prh 5 always sets (<c>g</c>, <c>m</c>, <c>u</c>;
/// <c>i</c> when asked) into a .NET <see cref="Regex"/> that finds the same matches at the same UTF-16
/// offsets. <see cref="RegexOptions.ECMAScript"/> rejects lookbehind and Unicode escapes and still differs
/// in <c>^</c>/<c>$</c> and <c>.</c>, so each construct whose meaning differs is rewritten instead: <c>\d</c>
/// <c>\w</c> <c>\s</c> <c>\b</c> to their ASCII / JavaScript sets, <c>.</c> and negated classes to whole code
/// points, <c>^</c> <c>$</c> to JavaScript's line terminators, named groups to numbered ones (JavaScript
/// numbers them in order, .NET after the unnamed ones), astral literals to atomic pairs. Unicode-mode
/// syntax errors are errors here too; <c>\p{Script=…}</c> and negated escapes inside classes are unsupported.
/// </summary>
public static class JsRegex
{
    private const string WordClass = "a-zA-Z0-9_";
    private const string SpaceClass = @"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
    private const string LineTerminators = @"\n\r\u2028\u2029";
    private const string AnyCodePoint = @"(?:[\ud800-\udbff][\udc00-\udfff]|[\s\S])";
    private const string WordBoundary = "(?:(?<=[" + WordClass + "])(?![" + WordClass + "])|(?<![" + WordClass + "])(?=[" + WordClass + "]))";
    private const string NotWordBoundary = "(?:(?<=[" + WordClass + "])(?=[" + WordClass + "])|(?<![" + WordClass + "])(?![" + WordClass + "]))";

    /// <summary>The .NET regex for a JavaScript <c>source</c> in Unicode mode. Throws <see cref="JsRegexException"/>.</summary>
    public static Regex Translate(string source, bool ignoreCase)
    {
        var names = NamedGroups(source);
        var pattern = new Translation(source, names).Run();
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        try
        {
            return new Regex(pattern, options, TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException e)
        {
            throw new JsRegexException($"invalid regular expression /{source}/: {e.Message}");
        }
    }

    /// <summary>Group name → number, counting every capturing group from the left as JavaScript does.</summary>
    private static Dictionary<string, int> NamedGroups(string s)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        int count = 0;
        bool inClass = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { inClass = c != ']'; continue; }
            if (c == '[') inClass = true;
            else if (c == '(' && (i + 1 >= s.Length || s[i + 1] != '?')) count++;
            else if (c == '(' && i + 2 < s.Length && s[i + 2] == '<' && i + 3 < s.Length && s[i + 3] is not ('=' or '!'))
            {
                count++;
                int close = s.IndexOf('>', i + 3);
                if (close > 0) names[s[(i + 3)..close]] = count;
            }
        }
        return names;
    }

    private sealed class Translation(string s, Dictionary<string, int> names)
    {
        private readonly StringBuilder _out = new();
        private int _i;

        public string Run()
        {
            int depth = 0;
            while (_i < s.Length)
            {
                char c = s[_i];
                switch (c)
                {
                    case '\\': Escape(inClass: false); continue;
                    case '[': Class(); continue;
                    case '.': _out.Append(@"(?:[\ud800-\udbff][\udc00-\udfff]|[^" + LineTerminators + "])"); break;
                    case '^': _out.Append("(?<![^" + LineTerminators + "])"); break;
                    case '$': _out.Append("(?![^" + LineTerminators + "])"); break;
                    case '(':
                        depth++;
                        if (Peek(1) == '?' && Peek(2) == '<' && Peek(3) is not ('=' or '!'))
                        {
                            int close = s.IndexOf('>', _i + 3);
                            if (close < 0) throw Error("unterminated group name");
                            _out.Append('(');
                            _i = close + 1;
                            continue;
                        }
                        if (Peek(1) == '?' && !(Peek(2) is ':' or '=' or '!' || Peek(2) == '<' && Peek(3) is '=' or '!')) throw Error("invalid group");
                        _out.Append('(');
                        break;
                    case ')':
                        if (--depth < 0) throw Error("unmatched ')'");
                        _out.Append(')');
                        break;
                    case '{':
                        int end = s.IndexOf('}', _i);
                        if (end < 0 || !IsQuantifierBody(s.AsSpan(_i + 1, end - _i - 1))) throw Error("lone '{'");
                        _out.Append(s, _i, end - _i + 1);
                        _i = end + 1;
                        continue;
                    case '}' or ']': throw Error($"lone '{c}'");
                    default:
                        if (char.IsHighSurrogate(c) && _i + 1 < s.Length && char.IsLowSurrogate(s[_i + 1]))
                        {
                            _out.Append("(?:").Append(c).Append(s[_i + 1]).Append(')');
                            _i += 2;
                            continue;
                        }
                        _out.Append(c is '#' or ' ' ? "\\" + c : c.ToString());
                        break;
                }
                _i++;
            }
            if (depth != 0) throw Error("unterminated group");
            return _out.ToString();
        }

        private static bool IsQuantifierBody(ReadOnlySpan<char> body)
        {
            int comma = body.IndexOf(',');
            var min = comma < 0 ? body : body[..comma];
            var max = comma < 0 ? [] : body[(comma + 1)..];
            return min.Length > 0 && int.TryParse(min, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                && (max.Length == 0 || int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        }

        private static bool IsGeneralCategory(string name) => name is "L" or "Lu" or "Ll" or "Lt" or "Lm" or "Lo" or "M" or "Mn" or "Mc" or "Me"
            or "N" or "Nd" or "Nl" or "No" or "P" or "Pc" or "Pd" or "Ps" or "Pe" or "Pi" or "Pf" or "Po" or "S" or "Sm" or "Sc" or "Sk" or "So"
            or "Z" or "Zs" or "Zl" or "Zp" or "C" or "Cc" or "Cf" or "Cs" or "Co" or "Cn";

        private char Peek(int k) => _i + k < s.Length ? s[_i + k] : '\0';

        private JsRegexException Error(string what) => new($"invalid regular expression /{s}/ at {_i}: {what}");

        /// <summary>A class: a negated one matches one whole code point outside it, as in Unicode mode.</summary>
        private void Class()
        {
            _i++;
            bool negated = Peek(0) == '^';
            if (negated) _i++;
            var body = new StringBuilder();
            bool astral = false;
            while (true)
            {
                if (_i >= s.Length) throw Error("unterminated character class");
                char c = s[_i];
                if (c == ']') { _i++; break; }
                if (c == '\\')
                {
                    int before = _out.Length;
                    Escape(inClass: true);
                    body.Append(_out, before, _out.Length - before);
                    _out.Length = before;
                    continue;
                }
                if (char.IsSurrogate(c)) astral = true;
                body.Append(c is '[' or '^' ? "\\" + c : c.ToString());
                _i++;
            }
            if (astral) throw Error("characters beyond the BMP in a class are not supported");
            if (body.Length == 0) _out.Append(negated ? AnyCodePoint : "(?!)");
            else if (negated) _out.Append(@"(?:[\ud800-\udbff][\udc00-\udfff]|[^").Append(body).Append(@"\ud800-\udfff])");
            else _out.Append('[').Append(body).Append(']');
        }

        private void Escape(bool inClass)
        {
            if (_i + 1 >= s.Length) throw Error("'\\' at the end");
            char c = s[_i + 1];
            _i += 2;
            switch (c)
            {
                case 'd': _out.Append(inClass ? "0-9" : "[0-9]"); return;
                case 'w': _out.Append(inClass ? WordClass : "[" + WordClass + "]"); return;
                case 's': _out.Append(inClass ? SpaceClass : "[" + SpaceClass + "]"); return;
                case 'D' or 'W' or 'S' when inClass: throw Error($"\\{c} inside a class is not supported");
                case 'D': _out.Append("[^0-9]"); return;
                case 'W': _out.Append("[^" + WordClass + "]"); return;
                case 'S': _out.Append("[^" + SpaceClass + "]"); return;
                case 'b': _out.Append(inClass ? @"\x08" : WordBoundary); return;
                case 'B' when !inClass: _out.Append(NotWordBoundary); return;
                case 'n' or 'r' or 't' or 'v' or 'f': _out.Append('\\').Append(c); return;
                case '0' when !char.IsAsciiDigit(Peek(0)): _out.Append(@"\x00"); return;
                case 'c' when char.IsAsciiLetter(Peek(0)): _out.Append(@"\c").Append(s[_i++]); return;
                case 'x': _out.Append(@"\x").Append(Hex(2)); return;
                case 'u': Unicode(inClass); return;
                case 'p' or 'P': Property(c, inClass); return;
                case 'k' when !inClass && Peek(0) == '<':
                    int close = s.IndexOf('>', _i);
                    if (close < 0 || !names.TryGetValue(s[(_i + 1)..close], out int group)) throw Error("unknown group name");
                    _out.Append(@"\k<").Append(group).Append('>');
                    _i = close + 1;
                    return;
                case >= '1' and <= '9' when !inClass:
                    int start = _i - 1;
                    while (char.IsAsciiDigit(Peek(0))) _i++;
                    _out.Append(@"\k<").Append(s, start, _i - start).Append('>');
                    return;
                case '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '/':
                    _out.Append('\\').Append(c);
                    return;
                case '-' when inClass: _out.Append(@"\-"); return;
                default: throw Error($"invalid escape '\\{c}' in Unicode mode");
            }
        }

        private string Hex(int digits)
        {
            if (_i + digits > s.Length || !int.TryParse(s.AsSpan(_i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _))
                throw Error("invalid hexadecimal escape");
            var hex = s.Substring(_i, digits);
            _i += digits;
            return hex;
        }

        private void Unicode(bool inClass)
        {
            if (Peek(0) != '{')
            {
                _out.Append(@"\u").Append(Hex(4));
                return;
            }
            int close = s.IndexOf('}', _i);
            if (close < 0 || !int.TryParse(s.AsSpan(_i + 1, close - _i - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int cp) || cp > 0x10FFFF)
                throw Error("invalid \\u{…} escape");
            _i = close + 1;
            if (cp <= 0xFFFF) { _out.Append(@"\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture)); return; }
            if (inClass) throw Error("characters beyond the BMP in a class are not supported");
            var pair = char.ConvertFromUtf32(cp);
            _out.Append(@"(?:\u").Append(((int)pair[0]).ToString("x4", CultureInfo.InvariantCulture))
                .Append(@"\u").Append(((int)pair[1]).ToString("x4", CultureInfo.InvariantCulture)).Append(')');
        }

        /// <summary><c>\p{…}</c>: general categories by their short names (as .NET knows them); scripts and binary properties are not supported.</summary>
        private void Property(char p, bool inClass)
        {
            if (Peek(0) != '{') throw Error($"invalid escape '\\{p}' in Unicode mode");
            int close = s.IndexOf('}', _i);
            if (close < 0) throw Error("unterminated \\p{…}");
            var name = s[(_i + 1)..close];
            _i = close + 1;
            if (name.StartsWith("gc=", StringComparison.Ordinal)) name = name[3..];
            else if (name.StartsWith("General_Category=", StringComparison.Ordinal)) name = name[17..];
            if (!IsGeneralCategory(name)) throw Error($"\\{p}{{{name}}} is not supported (only general categories such as L, Lu, Nd)");
            if (p == 'P' && inClass) throw Error("\\P{…} inside a class is not supported");
            _out.Append('\\').Append(p).Append('{').Append(name).Append('}');
        }

    }
}

/// <summary>A JavaScript regular expression this translation does not support, or one JavaScript rejects.</summary>
public sealed class JsRegexException(string message) : Exception(message);
