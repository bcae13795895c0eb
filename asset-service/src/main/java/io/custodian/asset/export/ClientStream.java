package io.custodian.asset.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * The response's stream, failing once the client has closed the connection. Vert.x drops what is
 * written to a closed response without an error, so without this an export the client walked away
 * from would read the rest of the register for nobody and be recorded as completed.
 */
final class ClientStream extends FilterOutputStream {

    private final BooleanSupplier clientGone;

    ClientStream(OutputStream out, BooleanSupplier clientGone) {
        super(out);
        this.clientGone = clientGone;
    }

    @Override
    public void write(int b) throws IOException {
        connected();
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        connected();
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        connected();
        out.flush();
    }

    private void connected() throws IOException {
        if (clientGone.getAsBoolean()) {
            throw new IOException("the client closed the connection");
        }
    }
}
