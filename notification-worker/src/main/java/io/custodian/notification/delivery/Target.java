package io.custodian.notification.delivery;

/**
 * Where one alert of an event goes: a channel ({@code email}, {@code chat}, {@code webhook}) and
 * the recipient within it (an e-mail address, or the name of a chat or webhook target). The
 * delivery ledger keeps one row per event and target.
 */
record Target(String channel, String recipient) {

    @Override
    public String toString() {
        return channel + ":" + recipient;
    }
}
