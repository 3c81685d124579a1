package dev.parley.api;

import dev.parley.platform.ErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A failure on Parley's side: logged in full here, answered with the JSON error shape and no internals. */
@Provider
public class FailureMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(FailureMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException failure) {
        LOG.log(Level.WARNING, "API call failed", failure);
        return ErrorBody.response(ErrorCode.INTERNAL, "Parley could not do that just now; try again");
    }
}
