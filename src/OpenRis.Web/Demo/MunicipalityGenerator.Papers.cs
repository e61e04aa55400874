using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Demo;

/// <summary>Papers with everything they embed, written in batches; an inquiry and its answer always share a batch.</summary>
public sealed partial class MunicipalityGenerator
{
    private readonly Dictionary<string, string> _kindNames = [];

    private async Task WritePapersAsync(CancellationToken cancellationToken)
    {
        Report("Vorlagen", 0, _papers.Count);
        foreach (var kind in await _db.PaperKinds.AsNoTracking().ToListAsync(cancellationToken))
        {
            _kindNames[kind.Key] = kind.Name;
        }
        var batch = new Dictionary<int, Paper>();
        for (var i = 0; i < _papers.Count; i++)
        {
            var paper = NewPaper(i, _papers[i], batch);
            batch[i] = paper;
            var last = i + 1 == _papers.Count;
            var answerFollows = !last && _papers[i + 1].Parent == i;
            if (last || (batch.Count >= _options.BatchSize && !answerFollows))
            {
                await FlushAsync(cancellationToken);
                foreach (var (index, entity) in batch)
                {
                    _papers[index].Id = entity.Id;
                }
                batch.Clear();
                Report("Vorlagen", i + 1, _papers.Count);
            }
        }
    }

    private Paper NewPaper(int index, PaperPlan plan, Dictionary<int, Paper> batch)
    {
        var paper = new Paper
        {
            BodyId = _bodyId,
            PaperKindId = _kindIds[plan.Kind],
            Name = TextCorpus.Shorten(plan.Name, 1000),
            Reference = plan.Reference,
            Date = plan.Dated ? plan.Day : null,
            Status = plan.Status,
            Public = plan.Public,
            NonPublicReason = plan.NonPublicReason,
            Subject = plan.Subject,
            OwnerOrganizationId = _orgs[plan.Owner].Entity.Id,
            ReceivedAt = plan.ByFaction && plan.Dated ? Local(plan.Day, _random.Next(8, 18), _random.Next(60)) : null,
        };
        if (plan.ByFaction || plan.Kind == PaperKindKeys.Statement)
        {
            paper.Text = plan.Main.Excerpt;
        }
        else
        {
            paper.Summary = plan.Main.Excerpt;
        }
        if (plan.Parent >= 0)
        {
            if (batch.TryGetValue(plan.Parent, out var parent))
            {
                paper.ParentPaper = parent;
            }
            else
            {
                paper.ParentPaperId = _papers[plan.Parent].Id;
            }
        }

        paper.OriginatorOrganizations.Add(OrganizationStub(plan.ByFaction ? plan.Faction : plan.Owner));
        foreach (var person in plan.Originators)
        {
            paper.OriginatorPersons.Add(PersonStub(person));
        }
        var signedOff = plan.Status == PaperStatus.Draft ? (DateTime?)null : Local(plan.Day, 12);
        if (plan.LeadOffice >= 0)
        {
            paper.Offices.Add(new PaperOffice { Paper = paper, OrganizationId = _orgs[plan.LeadOffice].Entity.Id, Role = OfficeRole.Lead, SignedOffAt = signedOff });
        }
        foreach (var office in plan.CoOffices)
        {
            paper.Offices.Add(new PaperOffice { Paper = paper, OrganizationId = _orgs[office].Entity.Id, Role = OfficeRole.CoSigning, SignedOffAt = signedOff });
        }
        if (plan.Status != PaperStatus.Draft)
        {
            Sign(paper, plan);
        }
        if (plan.Kind is PaperKindKeys.ResolutionDraft or PaperKindKeys.UrgentDecision)
        {
            foreach (var (id, check) in _checks)
            {
                var option = Pick(check.Options);
                paper.ImpactAssessments.Add(new ImpactAssessment
                {
                    Paper = paper,
                    ImpactCheckId = id,
                    Option = option,
                    Explanation = check.RequiresExplanation(option) ? "Die Auswirkungen sind in der Begründung dargestellt." : null,
                });
            }
        }
        foreach (var step in plan.Consultations)
        {
            var consultation = new Consultation
            {
                BodyId = _bodyId,
                Paper = paper,
                MeetingId = step.MeetingId,
                AgendaItemId = step.AgendaItemId,
                Role = step.Role,
                Authoritative = step.Authoritative,
            };
            consultation.Organizations.Add(OrganizationStub(step.Org));
            paper.Consultations.Add(consultation);
            _consultations++;
        }
        AttachFiles(paper, plan, index);
        Cite(paper, plan, batch);

        var answers = plan.Kind == PaperKindKeys.Statement && batch.TryGetValue(plan.Parent, out var inquiry) ? inquiry : null;
        if (plan.Kind == PaperKindKeys.Inquiry && !(index + 1 < _papers.Count && _papers[index + 1].Parent == index))
        {
            for (var k = 0; k < plan.Questions.Count; k++)
            {
                paper.Questions.Add(new Question { Paper = paper, Number = k + 1, Text = plan.Questions[k] });
                _questions++;
            }
        }
        _db.Papers.Add(paper);
        if (answers is not null)
        {
            // The inquiry is tracked already, so its answered questions are added on their own.
            var questions = _papers[plan.Parent].Questions;
            var sentences = plan.Main.Excerpt.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var k = 0; k < questions.Count; k++)
            {
                var answer = sentences.Length == 0 ? "Die Verwaltung verweist auf die Stellungnahme." : sentences[k % sentences.Length].TrimEnd('.') + ".";
                _db.Questions.Add(new Question { Paper = answers, Number = k + 1, Text = questions[k], Answer = answer, AnswerPaper = paper });
                _questions++;
            }
        }
        return paper;
    }

    private void Sign(Paper paper, PaperPlan plan)
    {
        var term = _terms[plan.Term];
        if (plan.ByFaction)
        {
            var chair = term.Chairs.TryGetValue(plan.Faction, out var c) ? c : plan.Originators.FirstOrDefault(-1);
            if (chair >= 0)
            {
                paper.Signatures.Add(new Signature
                {
                    Paper = paper,
                    Position = 0,
                    Name = _persons[chair].Entity.Name,
                    Function = $"Fraktionsvorsitz {_orgs[plan.Faction].Label}",
                    PersonId = _persons[chair].Entity.Id,
                    SignedAt = Local(plan.Day, 10),
                });
            }
            return;
        }
        var mayor = _persons[term.Mayor];
        paper.Signatures.Add(new Signature
        {
            Paper = paper,
            Position = 0,
            Formula = Signature.Released,
            Name = mayor.Entity.Name,
            Function = mayor.Female ? "Oberbürgermeisterin" : "Oberbürgermeister",
            PersonId = mayor.Entity.Id,
            SignedAt = Local(plan.Day, 12),
        });
    }

    /// <summary>The main file and the attachments, each a real text stored once under its SHA-512.</summary>
    private void AttachFiles(Paper paper, PaperPlan plan, int index)
    {
        var reference = plan.Reference ?? (plan.Parent >= 0 ? _papers[plan.Parent].Reference : null);
        var slug = reference?.Replace('/', '-') ?? $"entwurf-{index + 1}";
        if (plan.Kind == PaperKindKeys.Statement)
        {
            slug += "-stellungnahme";
        }
        var kindName = _kindNames.GetValueOrDefault(plan.Kind, plan.Kind);
        paper.Files.Add(PaperFile(paper, plan, FileRole.Main, plan.Reference is null ? kindName : $"{kindName} {plan.Reference}", $"{slug}.txt", plan.Main));
        for (var k = 0; k < plan.Attachments.Count; k++)
        {
            var text = plan.Attachments[k];
            paper.Files.Add(PaperFile(paper, plan, FileRole.Auxiliary, TextCorpus.Shorten($"Anlage {k + 1}: {text.Title}", 300), $"{slug}-anlage-{k + 1}.txt", text));
        }
    }

    private DocumentFile PaperFile(Paper paper, PaperPlan plan, FileRole role, string name, string fileName, SourceText text)
    {
        _fileCount++;
        return new DocumentFile
        {
            BodyId = _bodyId,
            Paper = paper,
            Role = role,
            Name = name,
            FileName = fileName,
            MimeType = "text/plain",
            Date = plan.Dated ? plan.Day : null,
            Size = text.Stored.Size,
            Sha512Checksum = text.Stored.Sha512,
            Text = text.Content,
            Public = plan.Public,
        };
    }

    /// <summary>Citations stand in the Begründung as the usual "Vorlage NNNN/YYYY", so a parser finds them there too.</summary>
    private void Cite(Paper paper, PaperPlan plan, Dictionary<int, Paper> batch)
    {
        var lines = new List<string>();
        foreach (var (target, kind) in plan.Cites)
        {
            var cited = _papers[target];
            var citedAs = kind == PaperReferenceKind.Cites ? $"Vorlage {cited.Reference}" : null;
            if (citedAs is not null)
            {
                lines.Add($"{citedAs} ({cited.Title})");
            }
            var reference = new PaperReference { FromPaper = paper, Kind = kind, CitedAs = citedAs };
            if (batch.TryGetValue(target, out var entity))
            {
                reference.ToPaper = entity;
            }
            else
            {
                reference.ToPaperId = cited.Id;
            }
            paper.References.Add(reference);
            _paperReferences++;
        }
        if (lines.Count > 0)
        {
            paper.Reasoning = $"Bezug: {string.Join("; ", lines)}";
        }
    }
}
