package acme.billing;

/** Sends payment reminders. */
public final class ReminderService {
    public interface Channel {
        void send(String to, boolean optedIn);
    }

    private final Channel channel;

    public ReminderService(Channel channel) {
        this.channel = channel;
    }

    public void remind(String customer, boolean optedIn) {
        channel.send(customer, optedIn);
    }
}
