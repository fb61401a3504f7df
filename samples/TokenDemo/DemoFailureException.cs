using System;

namespace TokenDemo;

/// <summary>A call worked but its result disproves what the demo shows; the message says what. Holds no secret.</summary>
internal sealed class DemoFailureException(string message) : Exception(message);
