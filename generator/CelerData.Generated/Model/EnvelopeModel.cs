namespace CelerData.Generated.Model;

/// <summary>
/// The <c>x-response-envelope</c> declaration in force for an operation: which properties of its success response hold
/// the status code, the explanation and the result, and which codes mean success and not-found.
/// </summary>
internal sealed record EnvelopeDeclaration(
    string Code,
    string? Message,
    string? Data,
    EquatableArray<long> SuccessCodes,
    EquatableArray<long> NotFoundCodes);

/// <summary>
/// An operation whose success response is an envelope: the method returns the type of its data and throws the runtime's
/// typed exception for any other code.
/// </summary>
/// <param name="CodeProperty">The C# name of the property that holds the code.</param>
/// <param name="CodeIsNullable">Whether that property may be absent (an absent code is not a success code).</param>
/// <param name="MessageProperty">The C# name of the property that explains a failure, when the envelope has one.</param>
/// <param name="DataProperty">The C# name of the property that holds the result; null when the envelope has no data (the method returns <c>Task</c>).</param>
/// <param name="DataType">The type the method returns: the data property's type, not nullable.</param>
/// <param name="DataIsRequired">Whether the envelope schema requires the data property.</param>
/// <param name="SuccessCodes">The codes that mean success.</param>
/// <param name="NotFoundCodes">The codes that mean the resource does not exist.</param>
internal sealed record EnvelopeModel(
    string CodeProperty,
    bool CodeIsNullable,
    string? MessageProperty,
    string? DataProperty,
    TypeRef? DataType,
    bool DataIsRequired,
    EquatableArray<long> SuccessCodes,
    EquatableArray<long> NotFoundCodes);
