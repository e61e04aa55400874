namespace OpenRis.Web.Model;

/// <summary>One numbered question of an inquiry, answered one by one so that open ones can be tracked.</summary>
public sealed class Question
{
    public long Id { get; set; }
    public long PaperId { get; set; }
    public Paper Paper { get; set; } = null!;
    public int Number { get; set; }
    public string Text { get; set; } = "";

    /// <summary>The answer as given in the statement.</summary>
    public string? Answer { get; set; }

    /// <summary>The statement (Stellungnahme) the answer was given in.</summary>
    public long? AnswerPaperId { get; set; }
    public Paper? AnswerPaper { get; set; }

    public bool IsAnswered => !string.IsNullOrWhiteSpace(Answer);
}
