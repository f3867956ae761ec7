# Times of meetings without seconds ("10:00–13:00", not "10:00–13:00:00").
TIME_FORMAT = "H:i"
