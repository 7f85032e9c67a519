namespace Portal.Core.Search;

/// <summary>One word of a query and what it may stand for when typed in Telex or VNI.</summary>
/// <param name="Text">the word as typed (NFC)</param>
/// <param name="Alternatives">the Vietnamese it stands for; empty when it is not plausible Telex or VNI</param>
public sealed record QueryWord(string Text, IReadOnlyList<string> Alternatives);

/// <summary>
/// Reads words typed in Telex (<c>quangr</c>, <c>dduwowngf</c>) or VNI (<c>quang3</c>, <c>d9u7o7ng2</c>)
/// on a keyboard without a Vietnamese input method, back into the Vietnamese they stand for.
/// Only plain ASCII words are read, and a reading is kept only when it is a valid syllable
/// (<see cref="VietnameseSyllable"/>): "window", "www", "2718/QĐ-UBND" and "2.000815" stay as they are.
/// The keys are the input methods' published tables; "free marking" (the modifier or tone key
/// typed after the consonants, <c>vietej</c>) is accepted as input methods accept it.
/// </summary>
public static class TypedVietnamese
{
    /// <summary>The query's words, each with its Telex or VNI reading when it has one.</summary>
    public static IReadOnlyList<QueryWord> Words(string? query)
    {
        var words = new List<QueryWord>();
        foreach (var word in VietnameseText.Normalize(query).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var reading = Read(word);
            words.Add(new QueryWord(word, reading is null ? [] : [reading]));
        }

        return words;
    }

    /// <summary>The Vietnamese syllable the word stands for, or null when it is not plausible Telex/VNI.</summary>
    public static string? Read(string word)
    {
        var (letters, digits) = Classify(word);
        if (!letters)
        {
            return null;
        }

        return digits ? FromVni(word) : FromTelex(word);
    }

    public static string? FromTelex(string word)
    {
        if (Classify(word) is not (true, false))
        {
            return null;
        }

        var letters = new List<char>(word.Length);
        var tone = VietnameseTone.Level;
        var changed = false;
        foreach (var c in word.ToLowerInvariant())
        {
            var keyUsed = c switch
            {
                'd' => TryStroke(letters, requireAdjacent: true),
                'a' or 'e' or 'o' => TryCircumflex(letters, c),
                'w' => TryHorn(letters, orBreve: true) || TryLoneW(letters),
                's' or 'f' or 'r' or 'x' or 'j' or 'z' => TryTone(letters, TelexTone(c), ref tone),
                _ => false,
            };
            if (keyUsed)
            {
                changed = true;
            }
            else
            {
                letters.Add(c);
            }
        }

        return changed ? Finish(letters, tone) : null;
    }

    public static string? FromVni(string word)
    {
        if (Classify(word) is not (true, true) || !char.IsAsciiLetter(word[0]))
        {
            return null;
        }

        var letters = new List<char>(word.Length);
        var tone = VietnameseTone.Level;
        foreach (var c in word.ToLowerInvariant())
        {
            if (char.IsAsciiLetter(c))
            {
                letters.Add(c);
                continue;
            }

            // A digit that modifies nothing makes the word a code or a model number ("h5n1"), not VNI.
            var keyUsed = c switch
            {
                >= '1' and <= '5' or '0' => TryTone(letters, VniTone(c), ref tone),
                '6' => TryCircumflex(letters, null),
                '7' => TryHorn(letters, orBreve: false),
                '8' => TryBreve(letters),
                '9' => TryStroke(letters, requireAdjacent: false),
                _ => false,
            };
            if (!keyUsed)
            {
                return null;
            }
        }

        return Finish(letters, tone);
    }

    private static string? Finish(List<char> letters, VietnameseTone tone) =>
        VietnameseSyllable.Compose(new string([.. letters]), tone);

    // (has an ASCII letter, has a digit); both false when anything else appears.
    private static (bool Letters, bool Digits) Classify(string word)
    {
        bool letters = false, digits = false;
        foreach (var c in word)
        {
            if (char.IsAsciiLetter(c))
            {
                letters = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits = true;
            }
            else
            {
                return (false, false);
            }
        }

        return (letters, digits);
    }

    // Telex dd (the second d right after the first), VNI 9 (on the last d).
    private static bool TryStroke(List<char> letters, bool requireAdjacent)
    {
        var index = requireAdjacent
            ? (letters.Count > 0 && letters[^1] == 'd' ? letters.Count - 1 : -1)
            : letters.LastIndexOf('d');
        if (index < 0)
        {
            return false;
        }

        letters[index] = 'đ';
        return true;
    }

    // Telex aa, ee, oo (the same vowel, last in the word); VNI 6 (on the last a, e or o).
    private static bool TryCircumflex(List<char> letters, char? same)
    {
        var (start, end) = LastVowelGroup(letters);
        for (var i = end; i >= start; i--)
        {
            var c = letters[i];
            if (same is { } s ? c == s && i == end : c is 'a' or 'e' or 'o')
            {
                letters[i] = c switch { 'a' => 'â', 'e' => 'ê', _ => 'ô' };
                return true;
            }
        }

        return false;
    }

    // Telex w, VNI 7: uo → ươ (not the u of qu), else the last u or o; Telex w also makes a → ă.
    private static bool TryHorn(List<char> letters, bool orBreve)
    {
        var (start, end) = LastVowelGroup(letters);
        for (var i = start; i < end; i++)
        {
            // The u of qu is the onset's: quow is quơ (quở), not quươ.
            var onsetU = i > 0 && letters[i] == 'u' && letters[i - 1] == 'q';
            if (!onsetU && letters[i] is 'u' or 'ư' && letters[i + 1] is 'o' or 'ơ' && (letters[i] == 'u' || letters[i + 1] == 'o'))
            {
                letters[i] = 'ư';
                letters[i + 1] = 'ơ';
                return true;
            }
        }

        for (var i = end; i >= start; i--)
        {
            switch (letters[i])
            {
                case 'u':
                    letters[i] = 'ư';
                    return true;
                case 'o':
                    letters[i] = 'ơ';
                    return true;
                case 'a' when orBreve:
                    letters[i] = 'ă';
                    return true;
            }
        }

        return false;
    }

    private static bool TryBreve(List<char> letters)
    {
        var (start, end) = LastVowelGroup(letters);
        for (var i = end; i >= start; i--)
        {
            if (letters[i] == 'a')
            {
                letters[i] = 'ă';
                return true;
            }
        }

        return false;
    }

    // Telex: a w with no vowel before it is the letter ư ("nhwng" → những with a tone key).
    private static bool TryLoneW(List<char> letters)
    {
        if (letters.Exists(VietnameseSyllable.IsVowel))
        {
            return false;
        }

        letters.Add('ư');
        return true;
    }

    // A tone key before any vowel is an ordinary letter (the s of "sang", the x of "xa").
    private static bool TryTone(List<char> letters, VietnameseTone value, ref VietnameseTone tone)
    {
        if (!letters.Exists(VietnameseSyllable.IsVowel))
        {
            return false;
        }

        tone = value;
        return true;
    }

    // The last run of vowels, e.g. "uo" in "đuong"; (0, -1) when there is none.
    private static (int Start, int End) LastVowelGroup(List<char> letters)
    {
        var end = letters.Count - 1;
        while (end >= 0 && !VietnameseSyllable.IsVowel(letters[end]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && VietnameseSyllable.IsVowel(letters[start - 1]))
        {
            start--;
        }

        return end < 0 ? (0, -1) : (start, end);
    }

    private static VietnameseTone TelexTone(char key) => key switch
    {
        's' => VietnameseTone.Acute,
        'f' => VietnameseTone.Grave,
        'r' => VietnameseTone.Hook,
        'x' => VietnameseTone.Tilde,
        'j' => VietnameseTone.Dot,
        _ => VietnameseTone.Level,
    };

    private static VietnameseTone VniTone(char key) => key switch
    {
        '1' => VietnameseTone.Acute,
        '2' => VietnameseTone.Grave,
        '3' => VietnameseTone.Hook,
        '4' => VietnameseTone.Tilde,
        '5' => VietnameseTone.Dot,
        _ => VietnameseTone.Level,
    };
}
