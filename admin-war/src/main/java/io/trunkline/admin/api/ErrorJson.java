package io.trunkline.admin.api;

/** The body of every error answer: the HTTP status, a message a person can act on, and the field at fault if any. */
public class ErrorJson {
    public int status;
    public String error;
    public String field;
    /** For a CSV upload: the line at fault, from 1. */
    public Integer line;

    static ErrorJson of(int status, String error, String field) {
        ErrorJson json = new ErrorJson();
        json.status = status;
        json.error = error;
        json.field = field;
        return json;
    }
}
