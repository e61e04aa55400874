namespace OpenRis.Web.Hosting;

/// <summary>A configuration or environment problem that stops the start with one clear message instead of a stack trace.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
