package io.tradewind.serving.catalogue;

/** A catalogue build failed (a document rejected, a count that does not add up); the alias was not moved. */
public class CatalogueBuildException extends RuntimeException {
    public CatalogueBuildException(String message) {
        super(message);
    }

    public CatalogueBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
