namespace Parley.Core.Storage;

/// <summary>
/// The threads changed after a point of the change record, and the point reached (<see cref="Last"/>), to ask from
/// next time. <see cref="Everything"/>: the record cannot tell (it was reset), so every thread counts as changed.
/// </summary>
public sealed record ThreadChanges(long Last, IReadOnlyList<long> Threads, bool Everything = false);
