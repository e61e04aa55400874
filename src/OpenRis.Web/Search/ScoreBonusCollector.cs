using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace OpenRis.Web.Search;

/// <summary>
/// Adds to the score of each hit what the bonus query (<see cref="SearchQueryParser.Bonus"/>: the
/// words in the title) gives that document. Per segment the bonus query's matches, few next to the
/// hits of a common word, are scored first; a hit then costs one look-up instead of the bonus query
/// being advanced to it.
/// </summary>
internal sealed class ScoreBonusCollector(Weight bonus, ICollector inner) : ICollector, IDisposable
{
    // Pooled: a segment of 100,000 documents needs 400 KB, which would go to the large object heap anew for every query.
    private float[] _scores = [];

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetNextReader(AtomicReaderContext context)
    {
        var maxDoc = context.AtomicReader.MaxDoc;
        if (_scores.Length < maxDoc)
        {
            ArrayPool<float>.Shared.Return(_scores);
            _scores = ArrayPool<float>.Shared.Rent(maxDoc);
        }
        Array.Clear(_scores, 0, maxDoc);
        if (bonus.GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer)
        {
            int doc;
            while ((doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                _scores[doc] = scorer.GetScore();
            }
        }
        inner.SetNextReader(context);
    }

    public void SetScorer(Scorer scorer) => inner.SetScorer(new WithBonus(scorer, this));

    public void Collect(int doc) => inner.Collect(doc);

    private float BonusOf(int doc) => _scores[doc];

    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(_scores);
        _scores = [];
    }

    // No weight: the scorer handed on may be Lucene's stand-in for a bulk scorer, which has none to give.
    private sealed class WithBonus(Scorer scorer, ScoreBonusCollector collector) : Scorer(null)
    {
        public override int DocID => scorer.DocID;

        public override int Freq => scorer.Freq;

        public override float GetScore() => scorer.GetScore() + collector.BonusOf(scorer.DocID);

        public override int NextDoc() => scorer.NextDoc();

        public override int Advance(int target) => scorer.Advance(target);

        public override long GetCost() => scorer.GetCost();
    }
}
