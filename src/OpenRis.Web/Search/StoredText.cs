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

    public static string? Read(Document doc, string name)
    {
        var field = doc.GetField(name);
        if (field?.GetBinaryValue() is { } bytes)
        {
            using var inflate = new DeflateStream(new MemoryStream(bytes.Bytes, bytes.Offset, bytes.Length, writable: false), CompressionMode.Decompress);
            using var reader = new StreamReader(inflate, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        // An index built before texts were stored deflated keeps them as strings until it is rebuilt.
        return field?.GetStringValue(System.Globalization.CultureInfo.InvariantCulture);
    }
}
