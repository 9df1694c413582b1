# an invalid match statement in a file
command = "go"
match command:
    case "go" | x:
        print("go")
