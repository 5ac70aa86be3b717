package com.tierdesk.task;

public enum TaskStatus { OPEN, DONE, CANCELLED }
