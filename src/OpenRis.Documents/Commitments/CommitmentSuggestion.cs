namespace OpenRis.Documents.Commitments;

/// <summary>
/// A promise found in an answer, for the clerk to confirm as a tracked commitment.
/// <paramref name="Start"/> and <paramref name="Length"/> locate <paramref name="Sentence"/> in the
/// searched text; <paramref name="Phrase"/> is the wording that gave the due date (or, without
/// one, the recurrence).
/// </summary>
public sealed record CommitmentSuggestion(
    string Sentence,
    int Start,
    int Length,
    DateOnly? DueDate,
    CommitmentRecurrence? Recurrence,
    string Phrase);

/// <summary>How often a commitment falls due again.</summary>
public abstract record CommitmentRecurrence;

/// <summary>
/// Due at every meeting of an organization, named as written with the genitive normalised
/// ("Betriebsausschusses HABIT" → "Betriebsausschuss HABIT"); the caller maps it to an Organization.
/// </summary>
public sealed record EveryMeetingOf(string OrganizationName) : CommitmentRecurrence;

/// <summary>A fixed interval ("jährlich", "halbjährlich", "vierteljährlich", "monatlich").</summary>
public sealed record Periodic(CommitmentPeriod Period) : CommitmentRecurrence;

/// <summary>"regelmäßig" without an interval: the clerk sets one.</summary>
public sealed record Regularly : CommitmentRecurrence;

public enum CommitmentPeriod
{
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}
