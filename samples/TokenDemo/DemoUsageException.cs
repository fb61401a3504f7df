using System;

namespace TokenDemo;

/// <summary>The command line or the environment asks for something the demo cannot do; the message says what.</summary>
internal sealed class DemoUsageException(string message) : Exception(message);
