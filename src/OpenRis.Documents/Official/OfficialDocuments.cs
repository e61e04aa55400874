namespace OpenRis.Documents.Official;

/// <summary>The municipality's letterhead, bound from configuration by the caller.</summary>
/// <param name="Municipality">"Stadt Hagen"</param>
/// <param name="OfficeLines">"Der Oberbürgermeister", "Amt 11" …</param>
/// <param name="AddressLines">"Rathausstraße 13", "58095 Hagen"</param>
/// <param name="LogoText">A word mark printed instead of a logo image; null for none.</param>
public sealed record Letterhead(
    string Municipality,
    IReadOnlyList<string> OfficeLines,
    IReadOnlyList<string> AddressLines,
    string? LogoText = null);

/// <summary>The meeting a paper is for, as in the Beratungsfolge: "27.09.2018 Rat der Stadt Hagen".</summary>
public sealed record TargetMeeting(DateOnly Date, string Organization);

/// <summary>A person signing; <paramref name="ForTheRecord"/> prints "f. d. R.:" (für die Richtigkeit) before the name.</summary>
public sealed record Signatory(string Name, string Role, bool ForTheRecord = false);

/// <summary>One impact block, e.g. "Inklusion von Menschen mit Behinderung" / "Belange von Menschen mit Behinderung sind nicht betroffen".</summary>
public sealed record ImpactStatement(string Title, string Statement);

/// <summary>
/// The faction's letter to the mayor that goes with an Anfrage (the seed's attachment).
/// The numbered questions are the inquiry's own; <paramref name="Reasoning"/> paragraphs follow them.
/// </summary>
public sealed record CoverLetter(
    string SenderName,
    string SenderLine,
    IReadOnlyList<string> ContactLines,
    IReadOnlyList<string> Addressee,
    DateOnly Date,
    string Subject,
    string Salutation,
    IReadOnlyList<string> Introduction,
    string QuestionsIntroduction,
    IReadOnlyList<string> Reasoning,
    string Closing,
    IReadOnlyList<Signatory> Signatories);

/// <summary>
/// An Anfrage as filed: the form with Absender, Betreff ("hier: …"), Beratungsfolge and numbered
/// questions, and optionally the cover letter. A null <paramref name="Reference"/> prints "neu"
/// (not yet numbered), a null <paramref name="Summary"/> "entfällt", a null <paramref name="Reasoning"/> "siehe Anlage".
/// </summary>
public sealed record InquiryDocument(
    string Title,
    string Sender,
    string? Reference,
    DateOnly Date,
    TargetMeeting Meeting,
    string Subject,
    string? Regarding,
    IReadOnlyList<string> Questions,
    string? Summary,
    string? Reasoning,
    IReadOnlyList<ImpactStatement> Impacts,
    CoverLetter? Letter = null);

/// <summary>The answer to one numbered question, in paragraphs.</summary>
public sealed record StatementAnswer(int Number, IReadOnlyList<string> Paragraphs);

/// <summary>
/// The administration's Öffentliche Stellungnahme to an Anfrage, signed "gez." by
/// <paramref name="SignedBy"/>. <paramref name="LeadOffice"/> is printed under
/// "Amt/Eigenbetrieb und ggf. beteiligte Ämter".
/// </summary>
public sealed record StatementDocument(
    string Title,
    string? Reference,
    DateOnly Date,
    string LeadOffice,
    TargetMeeting Meeting,
    string Subject,
    string? Regarding,
    string? InquiryReference,
    string Introduction,
    IReadOnlyList<StatementAnswer> Answers,
    Signatory SignedBy);
