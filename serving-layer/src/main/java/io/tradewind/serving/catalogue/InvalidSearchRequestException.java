package io.tradewind.serving.catalogue;

/** A search parameter the shop sent is unusable; {@link #parameter()} names it (the API answers 400). */
public class InvalidSearchRequestException extends IllegalArgumentException {
    private final String parameter;

    public InvalidSearchRequestException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    /** The request parameter at fault, e.g. {@code priceMin}. */
    public String parameter() {
        return parameter;
    }
}
