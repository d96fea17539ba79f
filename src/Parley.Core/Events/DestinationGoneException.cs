namespace Parley.Core.Events;

/// <summary>A destination's way to say "stop sending to me" (a webhook receiver's <c>410 Gone</c>): it is stopped until an admin starts it again.</summary>
public sealed class DestinationGoneException(string message) : Exception(message);
