using System.Globalization;

namespace OpenRis.Documents.Official;

/// <summary>
/// What an official document prints, in reading order, independent of the output format:
/// the HTML and the PDF renderer draw the same blocks, so both carry the same fields.
/// </summary>
internal sealed partial record OfficialLayout(string Title, string Author, string Subject, IReadOnlyList<Block> Blocks)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static OfficialLayout Of(Letterhead letterhead, InquiryDocument inquiry)
    {
        List<Block> blocks =
        [
            LetterheadBlock(letterhead),
            new Heading(1, inquiry.Title),
            new Field("Drucksachennummer", [inquiry.Reference ?? "neu"]),
            new Field("Datum", [Short(inquiry.Date)]),
            new Field("Absender", [inquiry.Sender]),
            new Field("Betreff", SubjectLines(inquiry.Subject, inquiry.Regarding)),
            new Field("Beratungsfolge", [Meeting(inquiry.Meeting)]),
            new Heading(2, "Anfragetext"),
            new NumberedList([.. inquiry.Questions.Select((q, i) => new NumberedItem(i + 1, [q]))]),
            new Heading(2, "Kurzfassung"),
            new Paragraph(inquiry.Summary ?? "entfällt"),
            new Heading(2, "Begründung"),
            new Paragraph(inquiry.Reasoning ?? "siehe Anlage"),
        ];
        foreach (var impact in inquiry.Impacts)
        {
            blocks.Add(new Heading(2, impact.Title));
            blocks.Add(new Paragraph(impact.Statement));
        }
        if (inquiry.Letter is { } letter)
        {
            blocks.AddRange(LetterBlocks(letter, inquiry.Questions));
        }
        var title = $"{inquiry.Title}: {inquiry.Subject}{(inquiry.Regarding is null ? "" : $", hier: {inquiry.Regarding}")}";
        return new OfficialLayout(title, inquiry.Sender, inquiry.Regarding ?? inquiry.Subject, blocks);
    }

    public static OfficialLayout Of(Letterhead letterhead, StatementDocument statement)
    {
        List<Block> blocks =
        [
            LetterheadBlock(letterhead),
            new Heading(1, statement.Title),
            new Field("Amt/Eigenbetrieb und ggf. beteiligte Ämter", [statement.LeadOffice]),
            new Field("Drucksachennummer", [statement.Reference ?? "neu"]),
            new Field("Datum", [Short(statement.Date)]),
            new Field("Betreff", SubjectLines(statement.Subject, statement.Regarding)),
        ];
        if (statement.InquiryReference is { } inquiry)
        {
            blocks.Add(new Field("Bezug", [$"Anfrage, Drucksachennummer {inquiry}"]));
        }
        blocks.Add(new Field("Beratungsfolge", [Meeting(statement.Meeting)]));
        blocks.Add(new Heading(2, "Stellungnahme"));
        blocks.Add(new Paragraph(statement.Introduction));
        blocks.Add(new NumberedList([.. statement.Answers.Select(a => new NumberedItem(a.Number, a.Paragraphs))]));
        blocks.Add(new SignatureBlock("gez.", [statement.SignedBy]));
        var title = $"{statement.Title}: {statement.Subject}{(statement.Regarding is null ? "" : $", hier: {statement.Regarding}")}";
        return new OfficialLayout(title, letterhead.Municipality, statement.Regarding ?? statement.Subject, blocks);
    }

    private static IEnumerable<Block> LetterBlocks(CoverLetter letter, IReadOnlyList<string> questions)
    {
        yield return new PageBreak();
        yield return new Heading(2, "Anlage: Schreiben an den Oberbürgermeister");
        yield return new Lines(LineRole.Sender, [letter.SenderName, letter.SenderLine]);
        yield return new Lines(LineRole.Address, letter.Addressee);
        yield return new Lines(LineRole.Contact, letter.ContactLines);
        yield return new Lines(LineRole.Date, [letter.Date.ToString("d. MMMM yyyy", German)]);
        yield return new Heading(3, letter.Subject);
        yield return new Paragraph(letter.Salutation);
        foreach (var paragraph in letter.Introduction)
        {
            yield return new Paragraph(paragraph);
        }
        yield return new Paragraph(letter.QuestionsIntroduction);
        yield return new NumberedList([.. questions.Select((q, i) => new NumberedItem(i + 1, [q]))], Emphasis: true);
        if (letter.Reasoning.Count > 0)
        {
            yield return new Heading(3, "Begründung:");
            foreach (var paragraph in letter.Reasoning)
            {
                yield return new Paragraph(paragraph);
            }
        }
        yield return new Paragraph(letter.Closing);
        yield return new SignatureBlock(null, letter.Signatories);
    }

    private static Lines LetterheadBlock(Letterhead letterhead) =>
        new(LineRole.Letterhead, [.. new[] { letterhead.LogoText, letterhead.Municipality }.OfType<string>(), .. letterhead.OfficeLines, .. letterhead.AddressLines]);

    private static List<string> SubjectLines(string subject, string? regarding) =>
        regarding is null ? [subject] : [subject, $"hier: {regarding}"];

    private static string Meeting(TargetMeeting meeting) => $"{Short(meeting.Date)} {meeting.Organization}";

    private static string Short(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"f. d. R.: Name" for a co-signature for the record, otherwise the name.</summary>
    public static string SignatureName(Signatory signatory) =>
        signatory.ForTheRecord ? $"f. d. R.: {signatory.Name}" : signatory.Name;
}

internal abstract record Block;

internal sealed record Heading(int Level, string Text) : Block;

internal sealed record Field(string Label, IReadOnlyList<string> Values) : Block;

internal sealed record Paragraph(string Text) : Block;

internal enum LineRole
{
    Letterhead,
    Sender,
    Address,
    Contact,
    Date,
}

/// <summary>Lines printed as they are (letterhead, address): never joined or reflowed.</summary>
internal sealed record Lines(LineRole Role, IReadOnlyList<string> Text) : Block;

internal sealed record NumberedItem(int Number, IReadOnlyList<string> Paragraphs);

internal sealed record NumberedList(IReadOnlyList<NumberedItem> Items, bool Emphasis = false) : Block;

/// <summary>"gez." (signed in the original) above the names, or the signatures of a letter.</summary>
internal sealed record SignatureBlock(string? Prefix, IReadOnlyList<Signatory> Signatories) : Block;

/// <summary>The cover letter starts on a new page in print.</summary>
internal sealed record PageBreak : Block;
