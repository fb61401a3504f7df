namespace CelerData.Generated.Model;

/// <summary>
/// The names of the types generated for a client, decided in one place from its client name: the parser keeps schemas
/// from taking them (<see cref="All"/>), the emitters write them (through <see cref="SpecModel"/>).
/// </summary>
internal static class ClientNames
{
    public static string Interface(string clientName) => "I" + clientName + "Api";

    public static string Implementation(string clientName) => clientName + "ApiImplementation";

    public static string JsonContext(string clientName) => clientName + "JsonContext";

    public static string Client(string clientName) => clientName + "Client";

    public static string Extensions(string clientName) => clientName + "ServiceCollectionExtensions";

    public static string Registration(string clientName) => clientName + "ApiRegistration";

    public static string OpenEnumInterface(string clientName) => "I" + clientName + "OpenEnum";

    public static string OpenEnumConverter(string clientName) => clientName + "OpenEnumJsonConverter";

    /// <summary>Every type name the client itself takes in its namespace.</summary>
    public static string[] All(string clientName) => new[]
    {
        Interface(clientName), Implementation(clientName), JsonContext(clientName),
        Client(clientName), Extensions(clientName), Registration(clientName),
        OpenEnumInterface(clientName), OpenEnumConverter(clientName),
    };
}
