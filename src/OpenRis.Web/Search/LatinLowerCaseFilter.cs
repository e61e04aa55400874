using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace OpenRis.Web.Search;

/// <summary>
/// Lower-cases exactly as Lucene's LowerCaseFilter, but letters up to U+00FF (all of German) in
/// place. Lucene.Net lower-cases every token through the runtime's culture casing, which calls into
/// ICU for any token with a letter beyond ASCII ("Straße", "Gebühren"); that call was over a quarter
/// of a snippet's cost. Tokens with letters beyond U+00FF still take Lucene's own way, so the terms
/// in the index are the same as before.
/// </summary>
internal sealed class LatinLowerCaseFilter : TokenFilter
{
    private readonly CharacterUtils _characterUtils = CharacterUtils.GetInstance(GermanAnalysis.Version);
    private readonly ICharTermAttribute _term;

    public LatinLowerCaseFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c > 'ÿ')
            {
                _characterUtils.ToLower(buffer, 0, length);
                return true;
            }
            // A–Z and À–Þ lie 0x20 below their lower case; × (U+00D7) has none.
            if (c is (>= 'A' and <= 'Z') or (>= 'À' and <= 'Þ' and not '×'))
            {
                buffer[i] = (char)(c + 0x20);
            }
        }
        return true;
    }
}
