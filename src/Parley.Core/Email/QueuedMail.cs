namespace Parley.Core.Email;

/// <summary>A finished message waiting in the outbox for delivery to one recipient.</summary>
public sealed record QueuedMail(long Id, string EnvelopeFrom, string Recipient, byte[] Message, long Attempts, double Created);
