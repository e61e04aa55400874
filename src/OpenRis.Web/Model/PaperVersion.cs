using System.Text.Json;

namespace OpenRis.Web.Model;

/// <summary>
/// A frozen copy of a paper's texts. After submission the text is no longer edited in place:
/// every later change (reclassification, answer, release) adds a version, and all are kept.
/// </summary>
public sealed class PaperVersion
{
    public long Id { get; set; }
    public long PaperId { get; set; }
    public Paper Paper { get; set; } = null!;
    public int Number { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    public string Actor { get; set; } = "";
    public string Reason { get; set; } = "";

    /// <summary>The texts as JSON (<see cref="Content"/>).</summary>
    public string Json { get; set; } = "";

    public sealed record Content(string Kind, string Name, string? Subject, string? Summary, string? Reasoning, string? Text, List<QuestionContent> Questions);

    public sealed record QuestionContent(int Number, string Text, string? Answer);

    public static PaperVersion Of(Paper paper, int number, string reason, DateTime now, string actor)
    {
        var questions = (paper.Questions.Count > 0 ? paper.Questions : paper.ParentPaper?.Questions ?? [])
            .OrderBy(q => q.Number).Select(q => new QuestionContent(q.Number, q.Text, q.Answer)).ToList();
        var content = new Content(paper.Kind.Name, paper.Name, paper.Subject, paper.Summary, paper.Reasoning, paper.Text, questions);
        return new PaperVersion { Paper = paper, Number = number, At = now, Actor = actor, Reason = reason, Json = JsonSerializer.Serialize(content) };
    }

    /// <summary>
    /// Whether the public may read this version of a publicly visible paper. A filed paper (inquiry, motion)
    /// is shown as it was filed; a statement's versions before its release are the administration's drafts.
    /// </summary>
    public bool IsPublic(bool isStatement, DateTime? publishedAt) => !isStatement || (publishedAt is { } published && At >= published);

    public Content Read() => JsonSerializer.Deserialize<Content>(Json) ?? throw new InvalidOperationException("Empty paper version.");
}
