package io.custodian.asset;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Calls made at the same moment: each on its own thread, released together by a barrier, as two
 * people pressing the button at once would. The responses come back in the order of the calls.
 */
public final class AtOnce {

    private AtOnce() {}

    @SafeVarargs
    public static List<Response> call(Supplier<Response>... calls) {
        CyclicBarrier start = new CyclicBarrier(calls.length);
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Supplier<Response> call : calls) {
                futures.add(
                        threads.submit(
                                () -> {
                                    start.await(10, TimeUnit.SECONDS);
                                    return call.get();
                                }));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException("Calls at once did not complete", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The HTTP statuses of these responses, in order. */
    public static List<Integer> statuses(List<Response> responses) {
        return responses.stream().map(Response::statusCode).toList();
    }
}
