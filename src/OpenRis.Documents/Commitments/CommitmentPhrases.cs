using System.Text.RegularExpressions;

namespace OpenRis.Documents.Commitments;

/// <summary>
/// Finds the promises in an administration's answer and suggests them as tracked commitments
/// (issue #3, item 7). Only a suggestion: the clerk confirms, corrects or drops each one.
/// A sentence is suggested when it promises something and says when: see docs/workflow.md for
/// the exact wordings covered.
/// </summary>
public static partial class CommitmentPhrases
{
    // Wordings that make a sentence a promise on their own.
    [GeneratedRegex(@"\b(?:soll|sollen|vorgesehen|geplant|beabsichtigt|zu\s+rechnen|berichtet|berichten|Fertigstellung|sagt\s+zu|zugesagt|erfolgt|erfolgen|wird\s+\w+\s+vorlegen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrongMarker();

    [GeneratedRegex(@"\b(?:wird|werden)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Auxiliary();

    // "wird … berichten / vorlegen / vorgelegt werden": future, not the present passive "wird … konstituiert".
    [GeneratedRegex(@"\s(?<verb>[a-zäöüß]+(?:en|ern|eln))\s*$")]
    private static partial Regex ClauseFinalInfinitive();

    // Something delivered whose delivery can be checked; with "wird/werden" it makes a passive a promise.
    [GeneratedRegex(@"(?:bericht|konzept|strategie|vorlage|entwurf|ergebnis|auswertung|evaluation|fortschreibung|umsetzung|abschluss|stellungnahme|antwort|inbetriebnahme)", RegexOptions.IgnoreCase)]
    private static partial Regex Deliverable();

    [GeneratedRegex(@"\b(?:bericht|berichte|berichtet|berichten|informier\w*|unterricht\w*|vorleg\w*|vorgelegt|Sachstand\w*|darstell\w*|darlegen|fortschreib\w*|fortgeschrieben|evaluier\w*|überprüf\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reporting();

    [GeneratedRegex(@"\b(?:in|zu|vor)\s+(?:jeder|allen)\s+(?:ordentlichen\s+)?Sitzung(?:en)?\s+(?:des|der)\s+(?<org>(?:[A-ZÄÖÜ][\w\-/]*|[A-ZÄÖÜ]{2,}|und|für|\d+)(?:\s+(?:[A-ZÄÖÜ][\w\-/]*|und\s+[A-ZÄÖÜ][\w\-/]*|für\s+[A-ZÄÖÜ][\w\-/]*|\d+))*)")]
    private static partial Regex EveryMeeting();

    [GeneratedRegex(@"\b(?<p>monatlich|vierteljährlich|quartalsweise|halbjährlich|jährlich|einmal\s+im\s+Jahr|jedes\s+Jahr)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Interval();

    [GeneratedRegex(@"\bregelmäßig\b", RegexOptions.IgnoreCase)]
    private static partial Regex Regular();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>
    /// The commitment suggestions in <paramref name="text"/>, in order. Dates before
    /// <paramref name="documentDate"/> are history, not promises, and questions are never promises.
    /// </summary>
    public static IReadOnlyList<CommitmentSuggestion> Find(string text, DateOnly documentDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        var suggestions = new List<CommitmentSuggestion>();
        foreach (var (start, length) in Sentences.Split(text))
        {
            var sentence = text.Substring(start, length);
            if (sentence.EndsWith('?') || !Promises(sentence))
            {
                continue;
            }
            var due = DuePhrases.Find(sentence, documentDate).Where(d => d.Due >= documentDate).Select(d => ((Match, DateOnly)?)d).FirstOrDefault();
            var recurrence = Recurrence(sentence);
            if (due is null && recurrence is null)
            {
                continue;
            }
            var phrase = due?.Item1.Value ?? recurrence!.Value.Phrase;
            // Text extracted from PDFs wraps lines anywhere, also inside a phrase.
            suggestions.Add(new CommitmentSuggestion(sentence, start, length, due?.Item2, recurrence?.Recurrence, Spaces().Replace(phrase, " ").Trim()));
        }
        return suggestions;
    }

    private static bool Promises(string sentence)
    {
        if (StrongMarker().IsMatch(sentence))
        {
            return true;
        }
        if (!Auxiliary().IsMatch(sentence))
        {
            return false;
        }
        var lastClause = sentence.TrimEnd('.', '!', ' ', '“', '"').Split(',')[^1];
        return ClauseFinalInfinitive().IsMatch(lastClause) || Deliverable().IsMatch(sentence);
    }

    private static (CommitmentRecurrence Recurrence, string Phrase)? Recurrence(string sentence)
    {
        if (EveryMeeting().Match(sentence) is { Success: true } meeting)
        {
            return (new EveryMeetingOf(Nominative(meeting.Groups["org"].Value)), meeting.Value);
        }
        if (!Reporting().IsMatch(sentence))
        {
            return null;
        }
        if (Interval().Match(sentence) is { Success: true } interval)
        {
            var period = interval.Groups["p"].Value.ToUpperInvariant() switch
            {
                "MONATLICH" => CommitmentPeriod.Monthly,
                "VIERTELJÄHRLICH" or "QUARTALSWEISE" => CommitmentPeriod.Quarterly,
                "HALBJÄHRLICH" => CommitmentPeriod.HalfYearly,
                _ => CommitmentPeriod.Yearly,
            };
            return (new Periodic(period), interval.Value);
        }
        return Regular().Match(sentence) is { Success: true } regular ? (new Regularly(), regular.Value) : null;
    }

    /// <summary>
    /// The organization's name in the nominative where the genitive ending is unambiguous:
    /// "Betriebsausschusses HABIT" → "Betriebsausschuss HABIT", "Rates" → "Rat",
    /// "Integrationsrates" → "Integrationsrat", "Beirats" → "Beirat". Feminine names
    /// ("der Bezirksvertretung Nord") have no ending and stay as written.
    /// </summary>
    internal static string Nominative(string name)
    {
        var words = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("rates", StringComparison.OrdinalIgnoreCase))
            {
                words[i] = word[..^2];
            }
            else if (word.EndsWith("rats", StringComparison.OrdinalIgnoreCase))
            {
                words[i] = word[..^1];
            }
        }
        return string.Join(' ', words);
    }
}
