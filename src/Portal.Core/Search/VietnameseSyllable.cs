using System.Text;

namespace Portal.Core.Search;

/// <summary>The six tones of Vietnamese; each but <see cref="Level"/> is one combining mark.</summary>
public enum VietnameseTone
{
    Level,   // ngang: no mark
    Acute,   // sắc
    Grave,   // huyền
    Hook,    // hỏi
    Tilde,   // ngã
    Dot,     // nặng
}

/// <summary>
/// Whether a word can be one written Vietnamese syllable: an onset from the closed list, a rhyme
/// (medial, nucleus, coda) from the closed list, at most one tone mark, the c/k/q and g/gh, ng/ngh
/// spelling rules, and only sắc or nặng on a rhyme closed by p, t, c or ch. It is the guard that
/// keeps <see cref="TypedVietnamese"/> from turning English words and codes into Vietnamese.
/// Tone placement is not checked (both "hòa" and "hoà" are in use); <see cref="Compose"/> writes
/// the traditional placement (hòa, thúy, khỏe), the one most government text uses, and
/// <see cref="NormalizeTonePlacement"/> moves a tone there (what the exact field indexes).
/// </summary>
public static class VietnameseSyllable
{
    // Longest first: the parser tries each onset that prefixes the word.
    private static readonly string[] Onsets =
    [
        "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];

    // Rhymes without tone. "iê" is written "yê" without an onset (yên, yêu) and after qu (quyết).
    private static readonly HashSet<string> Rhymes = new(StringComparer.Ordinal)
    {
        "a", "ai", "ao", "au", "ay", "ac", "ach", "am", "an", "ang", "anh", "ap", "at",
        "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
        "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
        "e", "eo", "ec", "em", "en", "eng", "ep", "et",
        "ê", "êu", "êch", "êm", "ên", "ênh", "êp", "êt",
        "i", "ia", "iu", "ich", "im", "in", "inh", "ip", "it",
        "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
        "y", "yêm", "yên", "yêng", "yêt", "yêu",
        "o", "oi", "oc", "om", "on", "ong", "op", "ot", "oong", "ooc",
        "ô", "ôi", "ôc", "ôm", "ôn", "ông", "ôp", "ôt",
        "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
        "u", "ua", "ui", "uc", "um", "un", "ung", "up", "ut",
        "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
        "ư", "ưa", "ưi", "ưu", "ưc", "ưm", "ưn", "ưng", "ưt",
        "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
        "oa", "oai", "oao", "oay", "oac", "oach", "oam", "oan", "oang", "oanh", "oap", "oat",
        "oăc", "oăm", "oăn", "oăng", "oăt",
        "oe", "oeo", "oen", "oet",
        "uân", "uâng", "uât", "uây", "uê", "uêch", "uên", "uênh", "uêt", "uơ",
        "uy", "uya", "uych", "uynh", "uyt", "uyu", "uyên", "uyêt",
    };

    private const string Vowels = "aăâeêioôơuưy";
    private const string MarkedVowels = "ăâêôơư";

    public static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);

    /// <summary>True when <paramref name="word"/> (any case, NFC or not) is one valid Vietnamese syllable.</summary>
    public static bool IsValid(string? word)
    {
        if (string.IsNullOrEmpty(word) || !TrySplitTone(VietnameseText.Lower(word), out var toneless, out var tone))
        {
            return false;
        }

        return TryParse(toneless, out _, out var rhyme) && ToneFitsRhyme(rhyme, tone);
    }

    /// <summary>
    /// Writes <paramref name="toneless"/> (lower case, vowel marks but no tone mark, e.g. "quang",
    /// "đương") with <paramref name="tone"/> on the right vowel; null when the result is no valid syllable.
    /// </summary>
    public static string? Compose(string toneless, VietnameseTone tone)
    {
        toneless = VietnameseText.Normalize(toneless);
        if (!TryParse(toneless, out var onset, out var rhyme) || !ToneFitsRhyme(rhyme, tone))
        {
            return null;
        }

        if (tone == VietnameseTone.Level)
        {
            return toneless;
        }

        var index = onset.Length + TonedVowelIndex(rhyme);
        var toned = (toneless[index].ToString() + ToneMark(tone)).Normalize(NormalizationForm.FormC);
        return toneless[..index] + toned + toneless[(index + 1)..];
    }

    /// <summary>
    /// The word (lower case, NFC) with its tone mark where <see cref="Compose"/> puts it, so the two
    /// placements in use are one term: "hoà" → "hòa", "thuỷ" → "thủy", "uỷ" → "ủy". A word that is no
    /// valid syllable, or carries no tone, is returned as it is.
    /// </summary>
    public static string NormalizeTonePlacement(string word)
    {
        if (word.Length is < 2 or > 8 || IsAscii(word)
            || !TrySplitTone(word, out var toneless, out var tone) || tone == VietnameseTone.Level)
        {
            return word;
        }

        return Compose(toneless, tone) is { } composed && composed != word ? composed : word;
    }

    private static bool IsAscii(string word)
    {
        foreach (var c in word)
        {
            if (c > '\u007f')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Separates the tone mark from a lower-case word; false when it carries more than one.</summary>
    public static bool TrySplitTone(string word, out string toneless, out VietnameseTone tone)
    {
        tone = VietnameseTone.Level;
        var builder = new StringBuilder(word.Length + 4);
        var marks = 0;
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            var found = ToneOf(c);
            if (found == VietnameseTone.Level)
            {
                builder.Append(c);
                continue;
            }

            tone = found;
            marks++;
        }

        toneless = builder.ToString().Normalize(NormalizationForm.FormC);
        return marks <= 1;
    }

    private static bool TryParse(string toneless, out string onset, out string rhyme)
    {
        foreach (var candidate in Onsets)
        {
            if (toneless.StartsWith(candidate, StringComparison.Ordinal)
                && RhymeFitsOnset(candidate, toneless[candidate.Length..]))
            {
                onset = candidate;
                rhyme = toneless[candidate.Length..];
                return true;
            }
        }

        onset = rhyme = "";
        return false;
    }

    private static bool RhymeFitsOnset(string onset, string rhyme)
    {
        if (rhyme.Length == 0)
        {
            return false;
        }

        var first = rhyme[0];
        var front = first is 'i' or 'y' or 'e' or 'ê';
        switch (onset)
        {
            case "qu":
                // The u belongs to the onset: qu+ang, qu+ôc, qu+yêt (from uyêt).
                return (Rhymes.Contains(rhyme) && first is not ('o' or 'u' or 'ư') && !rhyme.StartsWith("iê", StringComparison.Ordinal))
                    || (first == 'y' && Rhymes.Contains("u" + rhyme));
            case "gi":
                // The i belongs to the onset: gi+a, gi+ưa, gi+êng (from iêng); "gì" parses as g+i.
                return IsVowel(first) && first is not ('i' or 'y')
                    && ((Rhymes.Contains(rhyme) && !rhyme.StartsWith("yê", StringComparison.Ordinal)) || Rhymes.Contains("i" + rhyme));
        }

        if (!Rhymes.Contains(rhyme))
        {
            return false;
        }

        if (onset.Length == 0)
        {
            return !rhyme.StartsWith("iê", StringComparison.Ordinal);
        }

        if (rhyme.StartsWith("yê", StringComparison.Ordinal))
        {
            return false;
        }

        return onset switch
        {
            "c" => !front,
            "k" => front,
            "gh" or "ngh" => front && first != 'y',
            "g" => first is not ('e' or 'ê' or 'y'),
            "ng" => !front,
            _ => true,
        };
    }

    // A rhyme closed by a stop (p, t, c, ch) carries only sắc or nặng.
    private static bool ToneFitsRhyme(string rhyme, VietnameseTone tone)
    {
        var stop = rhyme.EndsWith('p') || rhyme.EndsWith('t') || rhyme.EndsWith('c') || rhyme.EndsWith("ch", StringComparison.Ordinal);
        return !stop || tone is VietnameseTone.Acute or VietnameseTone.Dot;
    }

    private static int TonedVowelIndex(string rhyme)
    {
        var count = 0;
        while (count < rhyme.Length && IsVowel(rhyme[count]))
        {
            count++;
        }

        // A vowel with a quality mark takes the tone; of two (ươ), the second.
        for (var i = count - 1; i >= 0; i--)
        {
            if (MarkedVowels.Contains(rhyme[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        var closed = count < rhyme.Length;
        return closed ? count - 1 : count switch
        {
            1 => 0,
            2 => 0,   // traditional: hòa, thúy, múa, mía
            _ => 1,   // ngoài, khuỷu
        };
    }

    private static VietnameseTone ToneOf(char mark) => mark switch
    {
        '\u0301' => VietnameseTone.Acute,
        '\u0300' => VietnameseTone.Grave,
        '\u0309' => VietnameseTone.Hook,
        '\u0303' => VietnameseTone.Tilde,
        '\u0323' => VietnameseTone.Dot,
        _ => VietnameseTone.Level,
    };

    private static char ToneMark(VietnameseTone tone) => tone switch
    {
        VietnameseTone.Acute => '\u0301',
        VietnameseTone.Grave => '\u0300',
        VietnameseTone.Hook => '\u0309',
        VietnameseTone.Tilde => '\u0303',
        VietnameseTone.Dot => '\u0323',
        _ => throw new ArgumentOutOfRangeException(nameof(tone)),
    };
}
