namespace OpenRis.Documents.Official;

/// <summary>
/// The public notice of a meeting (Bekanntmachung, GO NRW § 48 Abs. 1 Satz 4: time, place and
/// agenda are made public): the public items by number, and only the fact that a non-public part follows.
/// </summary>
public sealed record PublicNoticeDocument(
    string Organization,
    string MeetingName,
    string When,
    string Place,
    IReadOnlyList<(string Number, string Name)> PublicItems,
    bool HasNonPublicPart,
    DateOnly Date,
    Signatory SignedBy);

internal sealed partial record OfficialLayout
{
    public static OfficialLayout Of(Letterhead letterhead, PublicNoticeDocument notice)
    {
        List<Block> blocks =
        [
            LetterheadBlock(letterhead),
            new Heading(1, "Bekanntmachung"),
            new Paragraph($"Die {notice.MeetingName} findet statt am {notice.When}."),
            new Field("Gremium", [notice.Organization]),
            new Field("Ort", [notice.Place]),
            new Field("Datum der Bekanntmachung", [Short(notice.Date)]),
            new Heading(2, "Tagesordnung – öffentlicher Teil"),
        ];
        blocks.AddRange(notice.PublicItems.Select(i => new Paragraph($"{i.Number} {i.Name}")));
        if (notice.HasNonPublicPart)
        {
            blocks.Add(new Heading(2, "Nichtöffentlicher Teil"));
            blocks.Add(new Paragraph("Es folgt ein nichtöffentlicher Teil (§ 48 Abs. 2 GO NRW)."));
        }
        blocks.Add(new SignatureBlock("gez.", [notice.SignedBy]));
        return new OfficialLayout($"Bekanntmachung: {notice.MeetingName}, {notice.When}", notice.Organization, notice.MeetingName, blocks);
    }
}
