using System;

namespace CelerData.Cloud;

/// <summary>The state of an action after one poll.</summary>
/// <param name="ActionId">The action.</param>
/// <param name="State">Its state.</param>
/// <param name="Polls">How many times the state has been read, this one included.</param>
/// <param name="Elapsed">The time since the wait began, on the wait's clock.</param>
public sealed record ActionProgress(string ActionId, InfraActionState State, int Polls, TimeSpan Elapsed);
