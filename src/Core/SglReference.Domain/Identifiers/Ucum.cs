using System.Collections.Frozen;
using SglReference.Domain.Validation;

namespace SglReference.Domain.Identifiers;

/// <summary>
/// UCUM unit syntax (The Unified Code for Units of Measure, §2-§5: main-term, term, component, annotatable,
/// simple-unit = [prefix] atom, exponent, factor, annotation) with the atoms a medical laboratory meets.
/// Case-sensitive UCUM (c/s). A well-formed unit with an atom outside the table is reported with
/// <see cref="ErrorCodes.UcumAtom"/>; malformed text with <see cref="ErrorCodes.UcumSyntax"/>.
/// </summary>
public static class Ucum
{
    /// <summary>Maximum length accepted.</summary>
    public const int MaxLength = 64;

    private static readonly FrozenSet<string> s_metricAtoms = new[]
    {
        // base units
        "m", "s", "g", "rad", "K", "C", "cd",
        // SI derived and other metric units
        "mol", "sr", "Hz", "N", "Pa", "J", "W", "A", "V", "F", "Ohm", "S", "Wb", "Cel", "T", "H", "lm", "lx",
        "Bq", "Gy", "Sv", "l", "L", "ar", "t", "bar", "u", "eV", "pc", "[c]", "[h]", "[k]", "[eps_0]", "[mu_0]",
        "[e]", "[m_e]", "[m_p]", "[G]", "[g]", "[ly]", "gf", "Ky", "Gal", "dyn", "erg", "P", "Bi", "St", "Mx", "G",
        "Oe", "Gb", "sb", "Lmb", "ph", "Ci", "R", "RAD", "REM", "cal_[15]", "cal_[20]", "cal_m", "cal_IT", "cal_th",
        "cal", "tex", "m[H2O]", "m[Hg]", "eq", "osm", "g%", "kat", "U", "[iU]", "[IU]", "mho", "B", "Np", "bit",
        "By", "Bd", "st", "[CFU]", "[PFU]", "[FFU]", "[Lf]",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_otherAtoms = new[]
    {
        "10*", "10^", "[pi]", "%", "[ppth]", "[ppm]", "[ppb]", "[pptr]", "gon", "deg", "'", "''", "min", "h", "d",
        "a_t", "a_j", "a_g", "a", "wk", "mo_s", "mo_j", "mo_g", "mo", "AU", "Ao", "b", "atm", "att", "circ", "sph",
        "[lb_av]", "[oz_av]", "[gr]", "[in_i]", "[ft_i]", "[yd_i]", "[mi_i]", "[gal_us]", "[qt_us]", "[pt_us]",
        "[foz_us]", "[tsp_us]", "[tbs_us]", "[cup_us]", "[drp]", "[degF]", "[degR]", "[degRe]", "[pH]", "[S]",
        "[HPF]", "[LPF]", "[arb'U]", "[USP'U]", "[GPL'U]", "[MPL'U]", "[APL'U]", "[beth'U]", "[anti'Xa'U]",
        "[todd'U]", "[dye'U]", "[smgy'U]", "[bdsk'U]", "[ka'U]", "[knk'U]", "[mclg'U]", "[tb'U]", "[hnsf'U]",
        "[CCID_50]", "[TCID_50]", "[EID_50]", "[PRU]", "[BAU]", "[AU]", "[Amb'a'1'U]", "[PNU]", "[D'ag'U]",
        "[FEU]", "[ELU]", "[EU]", "[IR]", "[MET]", "[hp'_X]", "[hp'_C]", "[kp_X]", "[kp_C]", "[diop]", "[p'diop]",
        "%[slope]", "[mesh_i]", "[Ch]", "[psi]", "[in_i'Hg]", "[in_i'H2O]", "[car_m]", "[car_Au]", "[lne]",
        "[pca]", "[m/s2]",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] s_prefixes =
    [
        "da", "Y", "Z", "E", "P", "T", "G", "M", "k", "h", "d", "c", "m", "u", "n", "p", "f", "a", "z", "y",
        "Ki", "Mi", "Gi", "Ti",
    ];

    /// <summary>Checks a UCUM unit; null when valid.</summary>
    public static RuleViolation? Check(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Length is 0 or > MaxLength)
        {
            return new RuleViolation(ErrorCodes.UcumSyntax, $"UCUM unit must have 1 to {MaxLength} characters");
        }

        foreach (var c in unit)
        {
            if (c is < '!' or > '~')
            {
                return new RuleViolation(ErrorCodes.UcumSyntax, $"UCUM unit may hold only printable ASCII without spaces, found '{c}'");
            }
        }

        var parser = new Parser(unit);
        return parser.ParseMainTerm();
    }

    private ref struct Parser
    {
        private readonly ReadOnlySpan<char> _text;
        private int _pos;
        private int _depth;

        public Parser(string text)
        {
            _text = text;
            _pos = 0;
            _depth = 0;
        }

        public RuleViolation? ParseMainTerm()
        {
            if (Peek() == '/')
            {
                _pos++;
            }

            var error = ParseTerm();
            if (error is not null)
            {
                return error;
            }

            return _pos < _text.Length ? Syntax($"unexpected '{_text[_pos]}' at position {_pos + 1}") : null;
        }

        private RuleViolation? ParseTerm()
        {
            var error = ParseComponent();
            while (error is null && Peek() is '.' or '/')
            {
                _pos++;
                error = ParseComponent();
            }

            return error;
        }

        private RuleViolation? ParseComponent()
        {
            var c = Peek();
            if (c == '\0')
            {
                return Syntax("unit ends where a unit or number was expected");
            }

            if (c == '(')
            {
                if (++_depth > 8)
                {
                    return Syntax("parentheses nested too deeply");
                }

                _pos++;
                var error = ParseTerm();
                if (error is not null)
                {
                    return error;
                }

                if (Peek() != ')')
                {
                    return Syntax($"missing ')' at position {_pos + 1}");
                }

                _pos++;
                _depth--;
                return ParseOptionalAnnotation();
            }

            if (c == '{')
            {
                return ParseAnnotation();
            }

            if (char.IsAsciiDigit(c))
            {
                if (_text[_pos..].StartsWith("10*") || _text[_pos..].StartsWith("10^"))
                {
                    _pos += 3;
                    var exp = ParseExponent(required: false);
                    return exp ?? ParseOptionalAnnotation();
                }

                while (char.IsAsciiDigit(Peek()))
                {
                    _pos++;
                }

                return ParseOptionalAnnotation();
            }

            var start = _pos;
            while (_pos < _text.Length)
            {
                var ch = _text[_pos];
                if (ch == '[')
                {
                    var close = _text[_pos..].IndexOf(']');
                    if (close < 0)
                    {
                        return Syntax($"missing ']' after position {_pos + 1}");
                    }

                    _pos += close + 1;
                    continue;
                }

                if (ch is '.' or '/' or '(' or ')' or '{' or '}' or ']' or '+' or '-' || char.IsAsciiDigit(ch))
                {
                    break;
                }

                _pos++;
            }

            if (_pos == start)
            {
                return Syntax($"unexpected '{_text[_pos]}' at position {_pos + 1}");
            }

            var symbol = _text[start.._pos].ToString();
            if (!IsKnownSimpleUnit(symbol))
            {
                return new RuleViolation(ErrorCodes.UcumAtom, $"\"{symbol}\" is not a UCUM unit (e.g. UI is written [IU], µ is written u)");
            }

            return ParseExponent(required: false) ?? ParseOptionalAnnotation();
        }

        private RuleViolation? ParseExponent(bool required)
        {
            var start = _pos;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            var digits = _pos;
            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }

            if (_pos == digits)
            {
                if (required || _pos != start)
                {
                    return Syntax($"exponent expected at position {_pos + 1}");
                }
            }

            return null;
        }

        private RuleViolation? ParseOptionalAnnotation() => Peek() == '{' ? ParseAnnotation() : null;

        private RuleViolation? ParseAnnotation()
        {
            var close = _text[_pos..].IndexOf('}');
            if (close < 0)
            {
                return Syntax($"missing '}}' after position {_pos + 1}");
            }

            var body = _text.Slice(_pos + 1, close - 1);
            if (body.Contains('{'))
            {
                return Syntax("annotations cannot be nested");
            }

            _pos += close + 1;
            return null;
        }

        private readonly char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private static RuleViolation Syntax(string message) => new(ErrorCodes.UcumSyntax, "UCUM syntax: " + message);
    }

    private static bool IsKnownSimpleUnit(string symbol)
    {
        if (s_metricAtoms.Contains(symbol) || s_otherAtoms.Contains(symbol))
        {
            return true;
        }

        foreach (var prefix in s_prefixes)
        {
            if (symbol.Length > prefix.Length && symbol.StartsWith(prefix, StringComparison.Ordinal) && s_metricAtoms.Contains(symbol[prefix.Length..]))
            {
                return true;
            }
        }

        return false;
    }
}
