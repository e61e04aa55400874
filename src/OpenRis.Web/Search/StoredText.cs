using System.IO.Compression;
using System.Text;
using Lucene.Net.Documents;

namespace OpenRis.Web.Search;

/// <summary>
/// The long texts snippets are cut from (a paper's text, its files' texts) are stored in the index
/// deflated, as bytes. Lucene.Net's own stored-field compression decompresses byte by byte in
/// managed code; at 100,000 papers loading the twenty hits of a page that way took a third of a
/// query's CPU time, while inflating the same text with the runtime's zlib costs a small part of it
/// (and Lucene's pass over already compressed bytes copies them in bulk).
/// </summary>
internal static class StoredText
{
    private const int Step = 1024;

    public static StoredField Field(string name, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var packed = new MemoryStream((utf8.Length / 3) + 64);
        using (var deflate = new DeflateStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(utf8);
        }
        return new StoredField(name, packed.ToArray());
    }

    public static string? Read(Document doc, string name) => ReadUntil(doc, name, [], 0)?.Text;

    /// <summary>
    /// The text as far as <paramref name="after"/> characters past the first place one of
    /// <paramref name="words"/> occurs (ignoring case), and that place; the whole text and -1 when
    /// none occurs. It inflates only as far as that: for a common word a snippet needs the first
    /// few hundred characters of a text that runs to 20,000 and more.
    /// </summary>
    public static (string Text, int First)? ReadUntil(Document doc, string name, string[] words, int after)
    {
        var field = doc.GetField(name);
        if (field?.GetBinaryValue() is not { } bytes)
        {
            // An index built before texts were stored deflated keeps them as strings until it is rebuilt.
            return field?.GetStringValue(System.Globalization.CultureInfo.InvariantCulture) is { } plain ? (plain, FirstOf(plain, 0, words)) : null;
        }
        using var inflate = new DeflateStream(new MemoryStream(bytes.Bytes, bytes.Offset, bytes.Length, writable: false), CompressionMode.Decompress);
        // Small steps: a common word's first place is usually within the first thousand characters.
        using var reader = new StreamReader(inflate, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: Step);
        var text = new char[4 * Step];
        var length = 0;
        var first = -1;
        var longest = words.Length == 0 ? 0 : words.Max(w => w.Length);
        while (first < 0 || length < first + after)
        {
            if (length == text.Length)
            {
                Array.Resize(ref text, text.Length * 2);
            }
            var read = reader.Read(text, length, Math.Min(Step, text.Length - length));
            if (read == 0)
            {
                break;
            }
            if (first < 0 && words.Length > 0)
            {
                // A word may start in the part read before.
                var from = Math.Max(0, length - longest + 1);
                length += read;
                first = FirstOf(text.AsSpan(0, length), from, words);
            }
            else
            {
                length += read;
            }
        }
        return (new string(text, 0, length), first);
    }

    private static int FirstOf(ReadOnlySpan<char> text, int from, string[] words)
    {
        var first = -1;
        foreach (var word in words)
        {
            var at = text[from..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (first < 0 || from + at < first))
            {
                first = from + at;
            }
        }
        return first;
    }
}
