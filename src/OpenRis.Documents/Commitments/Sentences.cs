namespace OpenRis.Documents.Commitments;

/// <summary>
/// Splits German administrative prose into sentences without a language model: a line break
/// before a list item or a blank line always ends one; a full stop ends one unless it belongs to
/// an abbreviation (u.a., o.a., z. B., Nr., Abs.), an ordinal ("2. Quartal", "31. März") or a date.
/// </summary>
internal static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "abs", "bzw", "ca", "dr", "evtl", "gem", "ggf", "gez", "inkl", "lt", "nr", "prof", "s", "sog", "str",
        "tel", "usw", "vgl", "ziff", "bspw", "etc", "max", "min", "mio", "mrd", "tsd", "hr", "fa", "bzgl",
    };

    public static IEnumerable<(int Start, int Length)> Split(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c switch
            {
                '\n' => EndsAtLineBreak(text, i),
                '.' or '!' or '?' => EndsAtMark(text, i),
                _ => false,
            };
            if (end)
            {
                var stop = c == '\n' ? i : i + 1;
                if (Trimmed(text, start, stop) is { } sentence)
                {
                    yield return sentence;
                }
                start = i + 1;
            }
        }
        if (Trimmed(text, start, text.Length) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Blank lines and list items start something new; a wrapped line continues its sentence.</summary>
    private static bool EndsAtLineBreak(string text, int i)
    {
        var next = i + 1;
        while (next < text.Length && text[next] is ' ' or '\t' or '\r')
        {
            next++;
        }
        return next >= text.Length || text[next] == '\n' || IsListMarker(text, next)
            || (i > 0 && text[i - 1] is ':' or ';');
    }

    private static bool EndsAtMark(string text, int i)
    {
        if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] is not ('“' or '"' or '”' or ')'))
        {
            return false;
        }
        if (text[i] != '.')
        {
            return true;
        }
        var wordStart = i;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }
        var word = text[wordStart..i].TrimStart('(', '„', '"', '“');
        if (word.Length == 0)
        {
            return true;
        }
        if (word.All(char.IsDigit))
        {
            // "Ende 2019." ends a sentence; "2. Quartal" and "31. März" do not.
            return word.Length == 4;
        }
        if (word.All(char.IsLetter) && Abbreviations.Contains(word))
        {
            return false;
        }
        // u.a. / o.a. / z.B. / d.h.: letters with inner full stops; a single letter ("z. B.") too.
        return !(word.Length == 1 && char.IsLetter(word[0])) && !(word.Contains('.', StringComparison.Ordinal) && word.Replace(".", "", StringComparison.Ordinal).All(char.IsLetter));
    }

    private static bool IsListMarker(string text, int at)
    {
        if (text[at] is '-' or '•' or '*')
        {
            return true;
        }
        var i = at;
        while (i < text.Length && char.IsDigit(text[i]))
        {
            i++;
        }
        return i > at && i < text.Length && text[i] is '.' or ')';
    }

    /// <summary>The span without surrounding white space and list markers ("1.", "-"), or null if empty.</summary>
    private static (int Start, int Length)? Trimmed(string text, int start, int stop)
    {
        while (start < stop && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        if (start < stop && IsListMarker(text, start))
        {
            while (start < stop && !char.IsWhiteSpace(text[start]))
            {
                start++;
            }
            while (start < stop && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }
        while (stop > start && char.IsWhiteSpace(text[stop - 1]))
        {
            stop--;
        }
        return stop > start ? (start, stop - start) : null;
    }
}
